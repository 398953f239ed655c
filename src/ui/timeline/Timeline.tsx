/**
 * The timeline bar: first, back, play/pause, forward, last, speed, motion
 * (full, highlights only, off) and the scrubber. Space, arrows, Home and End work from anywhere but the editor.
 * On a phone it is a bar fixed to the bottom of the screen.
 */
import { useMemo } from 'react';
import { STEP_KINDS, type StepKind } from '../../protocol/messages';
import { MOTION_SETTINGS, SPEEDS, type MotionSetting } from '../../store/simStore';
import { selectKinds, selectMotion, selectPlaying, selectSpeed, selectStep, selectTotal } from '../../store/selectors';
import { KIND_LABEL } from '../../viz/scrubber';
import { KIND_COLOR } from '../common/kindStyle';
import { Icon } from '../common/Icon';
import { Scrubber } from './Scrubber';
import { useActions, useSim } from '../common/SimProvider';

/** The motion setting in words: reduced keeps the highlights, off shows end states only. */
const MOTION_LABEL: Readonly<Record<MotionSetting, string>> = { full: 'full', reduced: 'highlights only', off: 'off' };

const LEGEND_KINDS = ['fault', 'mmap', 'mprotect', 'madvise', 'munmap', 'exit', 'oom', 'error'] as const;

const button = 'focus-ring grid h-9 min-w-9 place-items-center rounded-md border border-[var(--line)] px-2 text-base hover:bg-[var(--bg)] disabled:opacity-40';

export function Timeline() {
  const step = useSim(selectStep);
  const total = useSim(selectTotal);
  const playing = useSim(selectPlaying);
  const speed = useSim(selectSpeed);
  const motion = useSim(selectMotion);
  const kinds = useSim(selectKinds);
  const a = useActions();
  // Thousands of steps: read once per run, not on every step.
  const legend = useMemo(() => {
    const present = new Set<StepKind>([...kinds].map((k) => STEP_KINDS[k] ?? 'setup'));
    return LEGEND_KINDS.filter((k) => present.has(k));
  }, [kinds]);
  const move = (f: () => void) => () => {
    a.pause();
    f();
  };
  return (
    <nav aria-label="Timeline" className="fixed inset-x-0 bottom-0 z-10 border-t border-[var(--line)] bg-[var(--panel)] px-3 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] md:static md:shadow-none">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1">
          <button type="button" className={button} onClick={move(() => a.goto(0))} disabled={step === 0} aria-label="First step (Home)" title="First step (Home)">
            <Icon name="first" />
          </button>
          <button type="button" className={button} onClick={move(() => a.stepBy(-1))} disabled={step === 0} aria-label="Step back (←)" title="Step back (←)">
            <Icon name="back" />
          </button>
          <button type="button" className={`${button} w-24 font-medium`} onClick={a.togglePlay} disabled={total === 0} aria-label={playing ? 'Pause (space)' : 'Play (space)'} data-testid="play">
            <span className="flex items-center gap-1.5">
              <Icon name={playing ? 'pause' : 'play'} />
              {playing ? 'Pause' : 'Play'}
            </span>
          </button>
          <button type="button" className={button} onClick={move(() => a.stepBy(1))} disabled={step >= total} aria-label="Step forward (→)" title="Step forward (→)">
            <Icon name="forward" />
          </button>
          <button type="button" className={button} onClick={move(() => a.goto(total))} disabled={step >= total} aria-label="Last step (End)" title="Last step (End)">
            <Icon name="last" />
          </button>
        </div>
        <label className="flex items-center gap-1 text-xs text-[var(--muted)]">
          Speed
          <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))} className="focus-ring rounded border border-[var(--line)] bg-[var(--panel)] px-1 py-1 text-sm text-[var(--ink)]">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-xs text-[var(--muted)]">
          Motion
          <select
            value={motion}
            onChange={(e) => a.setMotion(e.target.value as MotionSetting)}
            className="focus-ring rounded border border-[var(--line)] bg-[var(--panel)] px-1 py-1 text-sm text-[var(--ink)]"
            data-testid="motion"
          >
            {MOTION_SETTINGS.map((m) => (
              <option key={m} value={m}>
                {MOTION_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
        <Scrubber />
        <span className="w-24 text-right text-sm tabular-nums" data-testid="step-counter">
          {step} / {total}
        </span>
      </div>
      {legend.length > 0 && (
        <ul className="mt-1 hidden flex-wrap gap-x-3 text-[11px] text-[var(--muted)] sm:flex" aria-label="Marker colours">
          {legend.map((k) => (
            <li key={k} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-2.5 w-1.5 rounded-sm" style={{ background: KIND_COLOR[k] }} />
              {KIND_LABEL[k]}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
