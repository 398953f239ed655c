/** The title bar: what this is, the worker's status, the view, lessons, presenting, share, export and theme. */
import { selectStatus } from '../../store/selectors';
import { ExportButtons } from '../platform/export/ExportButtons';
import { ShareButton } from './ShareButton';
import { ThemeToggle } from './ThemeToggle';
import { ViewSwitch } from './ViewSwitch';
import { useActions, useSim } from '../common/SimProvider';

const tool = 'focus-ring rounded-md border border-[var(--line)] px-3 py-1.5 text-sm hover:bg-[var(--bg)]';

export function Header() {
  const status = useSim(selectStatus);
  const ran = useSim((s) => s.ran);
  const total = useSim((s) => s.total);
  const { showLessons, setPresenting } = useActions();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-[var(--line)] bg-[var(--panel)] px-4 py-2">
      {/* The title keeps its width; the controls wrap to a row of their own when the screen is narrow. */}
      <div className="min-w-[14rem] flex-1">
        <h1 className="text-lg leading-tight font-semibold tracking-tight whitespace-nowrap">Shared Page Tables Lab</h1>
        <p className="hidden text-xs text-[var(--muted)] 2xl:block">How Linux processes could share page tables: the MAP_SHARED_PT proposal (2023)</p>
      </div>
      <p className="text-xs text-[var(--muted)] tabular-nums" role="status" data-testid="run-status">
        {status === 'running' ? `Running… ${ran.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} steps` : status === 'starting' ? 'Starting…' : ''}
      </p>
      <ViewSwitch />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={tool} onClick={() => showLessons(true)} title="Lessons (L)" data-testid="open-lessons">
          Lessons
        </button>
        <button type="button" className={tool} onClick={() => setPresenting(true)} title="Present (P): big type, no chrome, keys only">
          Present
        </button>
        <ShareButton />
        <ExportButtons />
        <ThemeToggle />
      </div>
    </header>
  );
}
