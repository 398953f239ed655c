/** Which step is on screen and what its command was, above the diagram. */
import { STEP_KINDS } from '../../protocol/messages';
import { KIND_LABEL } from '../../viz/scrubber';
import { KIND_COLOR } from '../common/kindStyle';
import { useSim } from '../common/SimProvider';

export function StepCaption() {
  const snap = useSim((s) => s.snapshot);
  const kindCode = useSim((s) => (s.snapshot !== null && s.snapshot.step > 0 ? s.kinds[s.snapshot.step - 1] : undefined));
  const held = useSim((s) => s.recovery !== null && s.snapshot === null);
  if (snap === null)
    return (
      <div className="h-10 px-4 py-2 text-sm text-[var(--muted)]" data-testid="step-caption-empty">
        {held ? 'Not run: the scenario waits until you reopen it (see the message above).' : 'Loading the scenario…'}
      </div>
    );
  const kind = kindCode === undefined ? undefined : STEP_KINDS[kindCode];
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm" data-testid="step-caption">
      <span className="font-semibold tabular-nums">
        Step {snap.step} of {snap.total}
      </span>
      {kind !== undefined && (
        <span className="inline-flex items-center gap-1.5 rounded-full border border-[var(--line)] px-2 py-0.5 text-xs">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ background: KIND_COLOR[kind] }} />
          {KIND_LABEL[kind]}
        </span>
      )}
      {snap.command === null ? (
        <span className="text-[var(--muted)]">Before the first command: nothing exists yet.</span>
      ) : (
        <code className="min-w-0 truncate rounded bg-[var(--bg)] px-1.5 py-0.5 font-mono text-[13px]" title={`line ${snap.line ?? '?'}`}>
          <span className="text-[var(--muted)]">line {snap.line}: </span>
          {snap.command}
        </code>
      )}
    </div>
  );
}
