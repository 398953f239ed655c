/**
 * The side panel: the scenario editor and the inspector as two tabs (a
 * click on the diagram brings the inspector forward), and under them this
 * step's trace as text, always in view.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { selectSelection } from '../../store/selectors';
import { Editor } from '../panels/Editor';
import { Inspector } from '../panels/Inspector';
import { TraceView } from '../panels/TraceView';
import { useSim } from '../common/SimProvider';
import { selectLesson } from '../../store/selectors';
import { LessonPanel } from '../lesson/LessonPanel';

type Tab = 'scenario' | 'inspect';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'scenario', label: 'Scenario' },
  { id: 'inspect', label: 'Inspector' },
];

export function SidePanel() {
  const [tab, setTab] = useState<Tab>('scenario');
  const selection = useSim(selectSelection);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const lesson = useSim(selectLesson);
  const reading = lesson !== null && !lesson.exploring;
  // Stepping out of a lesson to explore opens its scenario, editable.
  useEffect(() => {
    if (lesson?.exploring === true) setTab('scenario');
  }, [lesson?.exploring]);
  useEffect(() => {
    if (selection !== null) setTab('inspect');
  }, [selection]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const i = (TABS.findIndex((t) => t.id === tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const next = TABS[i];
    if (next === undefined) return;
    setTab(next.id);
    refs.current[i]?.focus();
  };
  return (
    <aside className="flex min-h-0 w-full flex-col border-t border-[var(--line)] bg-[var(--panel)] md:w-[320px] xl:w-[400px] md:border-t-0 md:border-l" aria-label={reading ? 'Lesson and trace' : 'Scenario, inspector and trace'}>
      {reading ? (
        <LessonPanel />
      ) : (
        <>
      <div role="tablist" aria-label="Side panel" className="flex border-b border-[var(--line)] px-2" onKeyDown={onKey}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => void (refs.current[i] = el)}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`focus-ring -mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === t.id ? 'border-[var(--shared)] text-[var(--ink)]' : 'border-transparent text-[var(--muted)] hover:text-[var(--ink)]'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="focus-ring min-h-[240px] flex-1 overflow-auto">
        {tab === 'scenario' ? <Editor /> : <Inspector />}
      </div>
        </>
      )}
      <TraceView />
    </aside>
  );
}
