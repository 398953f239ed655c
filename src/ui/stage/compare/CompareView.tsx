/**
 * Compare mode: the scenario as written above, its other side below (without
 * `shared_pt`, or with hugetlb PMD sharing), one timeline, the same address
 * range, the same process in the same place (the other side aligns to this
 * one's columns), animating together on the one clock. The numbers stay in
 * view above both. On a phone the sides are tabs.
 */
import { useMemo, useState } from 'react';
import type { Side } from '../../../protocol/messages';
import { selectOther, selectSnapshot } from '../../../store/selectors';
import { placesOf, type Place } from '../../../viz/layout';
import { useSim } from '../../common/SimProvider';
import { useNarrow } from '../../common/useNarrow';
import { Diagram } from '../diagram/Diagram';
import { StepNotes } from '../StepNotes';
import { CompareBar } from './CompareBar';

/** `fixedHeight`: in an embed frame, whose height follows its content, a side never sizes by the viewport. */
export function CompareView({ fixedHeight = false }: { fixedHeight?: boolean }) {
  const main = useSim(selectSnapshot);
  const otherRaw = useSim(selectOther);
  const narrow = useNarrow();
  const [tab, setTab] = useState<Side>('main');
  // The other side at this very step, or nothing yet (never a picture of another step).
  const other = otherRaw !== null && main !== null && otherRaw.step === main.step && otherRaw.loadId === main.loadId ? otherRaw : null;
  const align = useMemo<readonly Place[]>(() => (main === null ? [] : placesOf(main)), [main]);
  if (main === null) return null;
  const sides: { side: Side; label: string }[] = [
    { side: 'main', label: main.label },
    { side: 'other', label: other?.label ?? 'the other side' },
  ];
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="compare">
      <CompareBar main={main} other={other} />
      {narrow && (
        <div role="tablist" aria-label="Sides" className="flex gap-1 border-b border-[var(--line)] px-3 pt-2">
          {sides.map((s) => (
            <button
              key={s.side}
              type="button"
              role="tab"
              aria-selected={tab === s.side}
              className={`focus-ring rounded-t-md border border-b-0 border-[var(--line)] px-3 py-1.5 text-sm ${tab === s.side ? 'bg-[var(--panel)] font-semibold' : 'text-[var(--muted)]'}`}
              onClick={() => setTab(s.side)}
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
      <div className="min-h-0 flex-1 overflow-auto">
        {sides.map((s) =>
          narrow && tab !== s.side ? null : (
            <section key={s.side} aria-label={s.label} className={`relative flex min-h-[380px] flex-col border-b border-[var(--line)] ${fixedHeight ? 'h-[440px]' : 'md:h-[56vh]'}`}>
              {!narrow && <h2 className="px-4 pt-2 text-xs font-semibold tracking-wide text-[var(--muted)] uppercase">{s.label}</h2>}
              {s.side === 'main' ? <Diagram snap={main} side="main" align={align} otherSnap={other} /> : <Diagram snap={other} side="other" align={align} otherSnap={main} />}
              <StepNotes side={s.side} />
            </section>
          ),
        )}
      </div>
    </div>
  );
}
