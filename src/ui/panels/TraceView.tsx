/**
 * This step's trace as text (the engine's traceText), in step with the
 * diagram and announced to screen readers: the text view of SPEC 5.
 */
import { selectSnapshot } from '../../store/selectors';
import { useSimLater } from '../common/useSimLater';

export function TraceView() {
  const snap = useSimLater(selectSnapshot);
  return (
    <section className="flex max-h-[38vh] min-h-[140px] flex-col border-t border-[var(--line)] md:max-h-[260px]" aria-labelledby="trace-heading">
      <h2 id="trace-heading" className="px-3 pt-2 text-xs font-semibold tracking-wide text-[var(--muted)] uppercase">
        Trace {snap !== null ? `of step ${snap.step}` : ''}
      </h2>
      <div className="focus-ring flex-1 overflow-auto px-3 pt-1 pb-2" aria-live="polite" data-testid="trace" tabIndex={0}>
        {snap === null || snap.step === 0 ? (
          <p className="text-xs text-[var(--muted)]">No step run yet. Press → or Play.</p>
        ) : snap.trace.length === 0 ? (
          <p className="text-xs text-[var(--muted)]">This step changed no kernel structure.</p>
        ) : (
          <ol className="font-mono text-[11.5px] leading-[1.45] whitespace-pre-wrap">
            {snap.trace.map((line, i) => (
              <li key={`${i}:${line}`} className={/^(error|signal|oom)/.test(line) ? 'font-semibold text-[var(--error)]' : ''}>
                {line}
              </li>
            ))}
            {snap.moreEvents > 0 && <li className="text-[var(--muted)]">… {snap.moreEvents} more events</li>}
          </ol>
        )}
      </div>
    </section>
  );
}
