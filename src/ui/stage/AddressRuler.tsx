/**
 * The address ruler above the diagram: the window in view with its 2 MiB
 * (PTE page) and 1 GiB (PMD page) boundaries and the mapped ranges. Zoom and
 * pan with the buttons, the wheel or a drag; zooming changes which tables the
 * worker sends. "Fit" hands the choice back to the worker.
 */
import { useMemo, useRef } from 'react';
import { ruler } from '../../viz/ruler';
import { panWindow, zoomWindow } from '../../viz/windowMath';
import { useElementWidth } from '../common/useElementWidth';
import { useRulerGestures } from './useRulerGestures';
import { useActions, useSim } from '../common/SimProvider';

const button = 'focus-ring rounded border border-[var(--line)] px-2 py-0.5 text-sm leading-5 hover:bg-[var(--bg)] disabled:opacity-40';

export function AddressRuler() {
  const snap = useSim((s) => s.snapshot);
  const { setWindow } = useActions();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useElementWidth(box);
  const w = snap?.window ?? null;
  useRulerGestures(svg, w, setWindow);
  const r = useMemo(() => (snap === null || width === 0 ? null : ruler(snap.window, snap.mms, width)), [snap, width]);
  const disabled = w === null;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 px-4 pb-2" data-testid="ruler">
      <div className="flex gap-1" role="group" aria-label="Address window">
        <button type="button" className={button} disabled={disabled} onClick={() => w && setWindow(panWindow(w, -0.5))} aria-label="Pan to lower addresses">
          ◀
        </button>
        <button type="button" className={button} disabled={disabled} onClick={() => w && setWindow(zoomWindow(w, 2))} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={button} disabled={disabled} onClick={() => w && setWindow(zoomWindow(w, 0.5))} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={button} disabled={disabled} onClick={() => w && setWindow(panWindow(w, 0.5))} aria-label="Pan to higher addresses">
          ▶
        </button>
        <button type="button" className={button} disabled={disabled || snap?.autoWindow === true} onClick={() => setWindow(null)}>
          Fit
        </button>
      </div>
      <div className="min-w-[200px] flex-1">
        {/* The two addresses never shrink; the words between them give way first, so nothing overlaps. */}
        <div className="flex justify-between gap-3 font-mono text-[11px] whitespace-nowrap text-[var(--muted)]" data-testid="ruler-labels">
          <span className="shrink-0" data-testid="window-lo">{r?.loLabel}</span>
          <span className="hidden min-w-0 truncate font-sans sm:inline">
            {r ? `${r.spanLabel} in view` : ''}
            <span className="hidden xl:inline"> · ticks: 2 MiB, bold: 1 GiB</span>
          </span>
          <span className="shrink-0">{r?.hiLabel}</span>
        </div>
        <div ref={box}>
          <svg ref={svg} width={width} height={18} className="block cursor-grab touch-none" aria-label="Address ruler: thin ticks every 2 MiB (one PTE page), thick ticks every 1 GiB (one PMD page), the band shows what is mapped. Scroll to zoom, drag to pan." role="img">
            <title>Thin tick: 2 MiB (one PTE page) · thick tick: 1 GiB (one PMD page) · band: mapped. Scroll to zoom, drag to pan.</title>
            <rect width={width} height={18} rx={3} fill="var(--bg)" stroke="var(--line)" />
            {r?.mapped.map((m) => <rect key={m.x} x={m.x} y={6} width={m.w} height={6} rx={2} fill="var(--shared)" opacity={0.35} />)}
            {r?.ticks.map((t) => (
              <line key={`${t.kind}${t.va}`} x1={t.x} x2={t.x} y1={t.kind === '1g' ? 0 : 9} y2={18} stroke={t.kind === '1g' ? 'var(--ink)' : 'var(--muted)'} strokeWidth={t.kind === '1g' ? 2 : 1} />
            ))}
          </svg>
        </div>
      </div>
    </div>
  );
}
