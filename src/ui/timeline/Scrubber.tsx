/**
 * The scrubber: a slider over the steps with markers coloured (and titled)
 * by what each step did; the loud kinds (error, OOM) stand taller. Click or
 * drag to go to a step; with focus, arrows, Page keys, Home and End move it.
 */
import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { STEP_KINDS } from '../../protocol/messages';
import { selectKinds, selectStep, selectTotal } from '../../store/selectors';
import { KIND_LABEL, markers, stepAt } from '../../viz/scrubber';
import { KIND_COLOR, isAlarm } from '../common/kindStyle';
import { useElementWidth } from '../common/useElementWidth';
import { useActions, useSim } from '../common/SimProvider';

const H = 28;

export function Scrubber() {
  const step = useSim(selectStep);
  const total = useSim(selectTotal);
  const kinds = useSim(selectKinds);
  const { goto, pause } = useActions();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  // Hundreds of marks: drawn once per run and width, not again on every step.
  const marks = useMemo(
    () =>
      markers(kinds, total, width).map((m) => {
        const tall = isAlarm(m.kind);
        return (
          <rect key={m.step} x={m.x} y={tall ? 2 : 7} width={Math.min(m.w, 6)} height={tall ? H - 4 : H - 14} rx={1} fill={KIND_COLOR[m.kind]}>
            <title>{`${m.count > 1 ? `steps ${m.step}–${m.step + m.count - 1}` : `step ${m.step}`}: ${KIND_LABEL[m.kind]}`}</title>
          </rect>
        );
      }),
    [kinds, total, width],
  );
  const code = step > 0 ? kinds[step - 1] : undefined;
  const kind = code === undefined ? null : (STEP_KINDS[code] ?? null);
  const x = total === 0 ? 0 : (step / total) * width;
  const to = (e: PointerEvent<HTMLDivElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    pause();
    goto(stepAt(e.clientX - r.left, r.width, total));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.round(total / 10));
    const moves: Record<string, number> = { ArrowRight: step + 1, ArrowUp: step + 1, ArrowLeft: step - 1, ArrowDown: step - 1, PageUp: step + page, PageDown: step - page, Home: 0, End: total };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    pause();
    goto(target);
  };
  return (
    <div
      ref={box}
      role="slider"
      tabIndex={0}
      aria-label="Step"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={step}
      aria-valuetext={`Step ${step} of ${total}${kind ? `: ${KIND_LABEL[kind]}` : ''}`}
      data-testid="scrubber"
      className="focus-ring relative h-7 min-w-[120px] flex-1 cursor-pointer touch-none rounded"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        to(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) to(e);
      }}
      onKeyDown={onKey}
    >
      <svg width={width} height={H} className="block" aria-hidden="true">
        <rect y={H / 2 - 2} width={width} height={4} rx={2} fill="var(--line)" />
        <rect y={H / 2 - 2} width={x} height={4} rx={2} fill="var(--muted)" />
        {marks}
        <circle cx={Math.min(Math.max(x, 7), width - 7)} cy={H / 2} r={7} fill="var(--panel)" stroke="var(--ink)" strokeWidth={2.5} />
      </svg>
    </div>
  );
}
