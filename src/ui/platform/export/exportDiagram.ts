/**
 * Gathers the picture on screen for export: the diagram SVG of each side as
 * drawn (styles inlined), the step caption, the legend and the counters in
 * the current theme's colours, and composes them into one SVG document.
 */
import { STEP_KINDS } from '../../../protocol/index';
import type { SimActions, SimState } from '../../../store/simStore';
import { formatBytes, plural } from '../../../viz/format';
import { KIND_LABEL } from '../../../viz/scrubber';
import { composeExport, type LegendItem } from './composeExport';
import { inlineSvg } from './inlineSvg';
import { forgetColors, resolveColor } from './resolveColor';

/** The diagrams on screen, one per side; the export draws what these show. */
export function diagramsOnScreen(root: ParentNode = document): SVGSVGElement[] {
  return [...root.querySelectorAll<SVGSVGElement>('[data-testid="diagram"] svg[data-step]')];
}

function legend(): LegendItem[] {
  const c = resolveColor;
  const mix = (v: string): string => c(`color-mix(in oklab, var(${v}) 45%, var(--card))`);
  return [
    { label: 'empty entry', fill: c('var(--cell-empty)'), stroke: c('var(--line)') },
    { label: 'present, read-only', fill: mix('--owner-0'), stroke: c('var(--line)') },
    { label: 'present, writable', fill: c('var(--owner-0)'), stroke: c('var(--line)') },
    { label: 'dot: dirty', fill: c('var(--owner-0)'), stroke: c('var(--line)'), dot: c('var(--dirty-dot)') },
    { label: 'shared page / link', fill: c('var(--shared)'), stroke: c('var(--line)') },
    { label: 'changed this step', fill: mix('--changed'), stroke: c('var(--changed)') },
    { label: 'host mm (no task)', fill: 'none', stroke: c('var(--host)'), dashed: true },
  ];
}

function counters(s: SimState): string[] {
  const sides = s.mode === 'compare' ? [s.snapshot, s.other] : [s.snapshot];
  return sides.flatMap((snap) => {
    if (snap === null) return [];
    const head = sides.length > 1 ? `${snap.label}: ` : '';
    return [
      `${head}PageTables (system) ${formatBytes(snap.memory.pagetablesBytes)} · Σ VmPTE of processes ${formatBytes(snap.totals.processPgtablesBytes)} · File pages ${formatBytes(snap.memory.fileBytes)} · RAM ${formatBytes(snap.memory.ramBytes)}`,
      `${plural(snap.totals.processes, 'process', 'processes')} · ${plural(snap.totals.hosts, 'host mm')}`,
    ];
  });
}

/** The picture as an SVG document and its size, or null before the first step is drawn (a step with no mms has caption, legend and counters only). */
export function exportSvg(s: SimState & SimActions): { svg: string; width: number; height: number } | null {
  const snap = s.snapshot;
  const shown = diagramsOnScreen();
  if (snap === null) return null;
  forgetColors(); // the theme may have changed since the last export
  const serializer = new XMLSerializer();
  const diagrams = shown.map((svg) => {
    const box = svg.getBoundingClientRect();
    const copy = inlineSvg(svg);
    copy.setAttribute('width', String(Math.round(box.width)));
    copy.setAttribute('height', String(Math.round(box.height)));
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    return { markup: serializer.serializeToString(copy), width: Math.round(box.width), height: Math.round(box.height) };
  });
  const kind = snap.step > 0 ? STEP_KINDS[s.kinds[snap.step - 1] ?? 0] : undefined;
  return composeExport({
    colors: { bg: resolveColor('var(--bg)'), ink: resolveColor('var(--ink)'), muted: resolveColor('var(--muted)'), line: resolveColor('var(--line)') },
    caption: `Step ${snap.step} of ${snap.total}${kind === undefined ? '' : ` · ${KIND_LABEL[kind]}`}`,
    detail: snap.command === null ? 'Before the first command: nothing exists yet.' : `line ${snap.line ?? '?'}: ${snap.command}`,
    diagrams,
    legend: legend(),
    counters: counters(s),
  });
}
