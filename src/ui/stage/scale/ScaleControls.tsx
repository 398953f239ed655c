/**
 * The scale explorer's sliders: processes, mapping size and RAM, each a
 * range slider (log steps for sizes) beside a text field that takes exact
 * values ("300G"); how much each process reads; what the chart measures.
 * A move waits a moment for the hand to rest, then asks for new curves.
 */
import { useEffect, useState } from 'react';
import type { ScaleInput } from '../../../protocol/scale';
import { MEASURE_LABEL, type ScaleMeasure } from '../../../viz/scaleChart';
import { logStops, nearestStop, parseSize, sizeText } from '../../../viz/sizes';

const MiB = 2 ** 20;
const SIZE_STOPS = logStops(2 * MiB, 2 ** 40, 2 * MiB);
const RAM_STOPS = logStops(2 ** 30, 2 ** 50, 2 ** 30);
const field = 'focus-ring w-24 rounded border border-[var(--line)] bg-[var(--panel)] px-2 py-1 font-mono text-sm';

interface Props {
  readonly input: ScaleInput;
  readonly onChange: (input: ScaleInput) => void;
  readonly measure: ScaleMeasure;
  readonly onMeasure: (m: ScaleMeasure) => void;
}

/** A slider over stops and an exact field, kept in step; the field says when it cannot read what was typed. */
function SizeControl({ label, value, stops, onChange, id }: { label: string; value: number; stops: readonly number[]; onChange: (v: number) => void; id: string }) {
  const [text, setText] = useState(sizeText(value));
  useEffect(() => setText(sizeText(value)), [value]);
  const bad = parseSize(text) === null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-semibold text-[var(--muted)]">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input id={id} type="range" min={0} max={stops.length - 1} value={nearestStop(stops, value)} onChange={(e) => onChange(stops[Number(e.target.value)] ?? value)} className="w-40" aria-valuetext={sizeText(value)} />
        <input
          className={field}
          value={text}
          aria-label={`${label}, exact`}
          aria-invalid={bad}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            const v = parseSize(text);
            if (v !== null) onChange(v);
          }}
          onKeyDown={(e) => {
            const v = parseSize(text);
            if (e.key === 'Enter' && v !== null) onChange(v);
          }}
        />
      </div>
    </div>
  );
}

export function ScaleControls({ input, onChange, measure, onMeasure }: Props) {
  const [procs, setProcs] = useState(String(input.procs));
  useEffect(() => setProcs(String(input.procs)), [input.procs]);
  const set = (patch: Partial<ScaleInput>) => onChange({ ...input, ...patch });
  const onePage = input.touchBytes === 4096;
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3 px-4 py-3" data-testid="scale-controls">
      <div className="flex flex-col gap-1">
        <label htmlFor="scale-procs" className="text-xs font-semibold text-[var(--muted)]">
          Processes
        </label>
        <div className="flex items-center gap-2">
          <input id="scale-procs" type="range" min={1} max={5000} value={input.procs} onChange={(e) => set({ procs: Number(e.target.value) })} className="w-40" />
          <input
            className={field}
            inputMode="numeric"
            value={procs}
            aria-label="Processes, exact"
            onChange={(e) => setProcs(e.target.value)}
            onBlur={() => /^\d+$/.test(procs) && set({ procs: Number(procs) })}
            onKeyDown={(e) => e.key === 'Enter' && /^\d+$/.test(procs) && set({ procs: Number(procs) })}
          />
        </div>
      </div>
      <SizeControl id="scale-size" label="Mapping size" value={input.sizeBytes} stops={SIZE_STOPS} onChange={(v) => set({ sizeBytes: v, touchBytes: onePage ? 4096 : undefined })} />
      <SizeControl id="scale-ram" label="RAM" value={input.ramBytes} stops={RAM_STOPS} onChange={(v) => set({ ramBytes: v })} />
      <label className="flex flex-col gap-1 text-xs font-semibold text-[var(--muted)]">
        Each process reads
        <select className="focus-ring rounded border border-[var(--line)] bg-[var(--panel)] px-1 py-1 text-sm font-normal text-[var(--ink)]" value={onePage ? 'page' : 'all'} onChange={(e) => set({ touchBytes: e.target.value === 'page' ? 4096 : undefined })}>
          <option value="all">the whole mapping</option>
          <option value="page">one 4 KiB page</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-[var(--muted)]">
        Chart shows
        <select className="focus-ring rounded border border-[var(--line)] bg-[var(--panel)] px-1 py-1 text-sm font-normal text-[var(--ink)]" value={measure} onChange={(e) => onMeasure(e.target.value as ScaleMeasure)} data-testid="scale-measure">
          {(Object.keys(MEASURE_LABEL) as ScaleMeasure[]).map((m) => (
            <option key={m} value={m}>
              {MEASURE_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
