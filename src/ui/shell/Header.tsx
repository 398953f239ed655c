/** The title bar: what this is, the worker's status, theme, share and export. */
import { selectStatus } from '../../store/selectors';
import { ExportButtons } from '../platform/export/ExportButtons';
import { ShareButton } from './ShareButton';
import { ThemeToggle } from './ThemeToggle';
import { useSim } from '../common/SimProvider';

export function Header() {
  const status = useSim(selectStatus);
  const ran = useSim((s) => s.ran);
  const total = useSim((s) => s.total);
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-[var(--line)] bg-[var(--panel)] px-4 py-2">
      <div className="min-w-0 flex-1">
        <h1 className="text-lg leading-tight font-semibold tracking-tight">Shared Page Tables Lab</h1>
        <p className="hidden text-xs text-[var(--muted)] sm:block">How Linux processes could share page tables: the MAP_SHARED_PT proposal (2023)</p>
      </div>
      <p className="text-xs text-[var(--muted)] tabular-nums" role="status" data-testid="run-status">
        {status === 'running' ? `Running… ${ran.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} steps` : status === 'starting' ? 'Starting…' : ''}
      </p>
      <div className="flex items-center gap-2">
        <ShareButton />
        <ExportButtons />
        <ThemeToggle />
      </div>
    </header>
  );
}
