/**
 * Shows a link's view in a lab that is already running (a `hashchange`, or
 * the embed API's `load`), through the store's own actions: the view first
 * (mode, other side, address range, sliders), the scenario last, so the
 * last load the worker receives is the one asked for.
 */
import type { AddressWindow, Mode, ScaleInput, Vs } from '../../../protocol/index';
import type { SimStore } from '../../../store/simStore';

export interface ViewRequest {
  /** The scenario to run; absent keeps the one on screen. */
  readonly text?: string;
  /** The step to show (clamped to the scenario's). */
  readonly step?: number;
  readonly mode?: Mode;
  readonly vs?: Vs;
  /** The address range; null lets the lab choose; absent keeps it. */
  readonly range?: AddressWindow | null;
  readonly scale?: ScaleInput;
}

const sameWindow = (a: AddressWindow | null, b: AddressWindow | null): boolean => a === b || (a !== null && b !== null && a.lo === b.lo && a.hi === b.hi);
const sameScale = (a: ScaleInput, b: ScaleInput): boolean => a.procs === b.procs && a.sizeBytes === b.sizeBytes && a.ramBytes === b.ramBytes && a.touchBytes === b.touchBytes;

/** Applies what differs from the screen; a request for what is already shown changes nothing. */
export function applyView(store: SimStore, v: ViewRequest): void {
  const a = store.getState();
  a.pause();
  // Compare's other side is a second run: switching it on or off, or changing it, reloads.
  const mode = v.mode ?? a.mode;
  const reloads = (mode === 'compare') !== (a.mode === 'compare') || (mode === 'compare' && v.vs !== undefined && v.vs !== a.vs);
  if (v.range !== undefined && !sameWindow(v.range, a.window)) a.setWindow(v.range);
  if (v.vs !== undefined && v.vs !== a.vs) a.setVs(v.vs);
  if (mode !== a.mode) a.setMode(mode);
  // The sliders compute only while the explorer is shown: elsewhere they wait for it.
  if (v.scale !== undefined && mode === 'scale' && !sameScale(v.scale, store.getState().scale.input)) a.setScale(v.scale);
  const text = v.text ?? a.loadedText;
  if (reloads || text !== a.loadedText || (v.text !== undefined && a.status === 'parse-error')) a.run(text, v.step ?? a.step);
  else if (v.step !== undefined) a.goto(v.step);
}
