/**
 * What the screen showed of every step, kept as the run goes, so going back
 * costs what changed instead of a copy of the world and a replay. After each
 * step the run hands over the views of the mms that step named (the only
 * ones whose tables, VMAs or counters can have changed; the engine's
 * invariant check relies on the same), the first files and the counters. The
 * view of step s is then assembled: each mm's view as of the last step at or
 * before s that named it, for the mms alive at s.
 *
 * It holds for one address window, the automatic one as the run goes: when
 * that window moves (at the first mapping, then at the first fault), every
 * mm is captured again for the new window and earlier steps are no longer
 * covered (the caller falls back to the engine). Past `maxViews` kept views,
 * or when the run finds keeping them costs more than half its own time (an
 * mm whose view is as big as its history), it stops, and the caller falls
 * back for every step.
 */
import type { AddressWindow } from '../protocol/messages';
import type { Engine } from '../sim/engine/engine';
import type { MmId } from '../sim/events';
import type { FileView, MmView, WorldView } from '../sim/view';
import { treeOfTableId } from './snapshot';

interface Piece {
  readonly step: number;
  readonly view: MmView;
  readonly truncated: boolean;
}

/** One mm's views, oldest first, and the step from which it no longer exists (if it was freed). */
interface MmHistory {
  readonly pieces: Piece[];
  born: number;
  freedAt: number | null;
  /** The newest view as text: a step that named the mm but left its view as it was keeps nothing new. */
  lastText: string;
}

interface StepParts {
  /** The first maxFiles + 1 files (one more tells the snapshot there are more). */
  readonly files: readonly FileView[];
  readonly filesTruncated: boolean;
  readonly memory: WorldView['memory'];
}

export interface HistoryOptions {
  /** Files kept per step (the snapshot shows at most 16; one more tells it there are more). */
  readonly maxFiles: number;
  readonly maxPtePerMm: number;
  /** Views kept in all before the history gives up (memory). */
  readonly maxViews: number;
}

export class ViewHistory {
  private window: AddressWindow | null = null;
  /** The first step this window's history covers. */
  private from = 0;
  private mms = new Map<MmId, MmHistory>();
  /** Step s's files and counters (index s); consecutive equal entries share one object. */
  private steps: StepParts[] = [];
  private views = 0;
  private given = false;
  /** The files' fingerprint at the last step recorded: unchanged files are not viewed again. */
  private filesPrint = '';
  /** Mms with a history and not freed: when it disagrees with the world's count, every mm is looked at. */
  private alive = 0;

  constructor(private readonly options: HistoryOptions) {}

  /** Whether the history still follows the run (false once it gave up). */
  get active(): boolean {
    return !this.given;
  }

  /** Records the world after `step` (0: before the first command) for `window`. */
  record(step: number, engine: Engine, window: AddressWindow): void {
    if (this.given) return;
    const moved = this.window === null || this.window.lo !== window.lo || this.window.hi !== window.hi;
    if (moved) {
      // A new window: every mm again, and the history starts here.
      this.window = window;
      this.from = step;
      this.mms = new Map();
      this.views = 0;
      this.alive = 0;
    }
    // The mms to look at again: those the step named (a new or freed mm is named by its step).
    const ids = new Set<MmId>(moved ? engine.mmIds() : engine.lastNamed());
    const options = { lo: window.lo, hi: window.hi, maxPtePerMm: this.options.maxPtePerMm };
    const print = engine.filesFingerprint(this.options.maxFiles + 1);
    const prev = this.steps[step - 1];
    const sameFiles = prev !== undefined && !moved && print === this.filesPrint;
    this.filesPrint = print;
    let parts = engine.viewParts(options, ids, sameFiles ? 0 : this.options.maxFiles + 1);
    for (const id of ids) if (!parts.mms.has(id)) this.freed(id, step);
    const born = [...parts.mms.keys()].filter((id) => this.mms.get(id)?.freedAt !== null).length;
    if (this.alive + born !== parts.mmCount) {
      // An mm came or went unnamed: look at every mm once, as for a new window.
      const all = new Set(engine.mmIds());
      for (const id of this.mms.keys()) if (!all.has(id)) this.freed(id, step);
      for (const id of all) if (this.mms.get(id)?.freedAt !== null) ids.add(id);
      parts = engine.viewParts(options, ids, sameFiles ? 0 : this.options.maxFiles + 1);
    }
    // A table several mms share (a hugetlb PMD page) is in each one's view: when one of them
    // joins or leaves it, the others' views change too, though the step did not name them.
    const sharers = new Set<MmId>();
    for (const id of ids) {
      sharersIn(this.mms.get(id)?.pieces.at(-1)?.view, sharers);
      sharersIn(parts.mms.get(id)?.view, sharers);
    }
    for (const id of ids) sharers.delete(id);
    const more = sharers.size === 0 ? new Map() : engine.viewParts(options, sharers, 0).mms;
    for (const [id, got] of [...parts.mms, ...more]) {
      const h = this.mms.get(id);
      const text = JSON.stringify(got);
      if (h === undefined || h.freedAt !== null) {
        // Ids are never reused: a missing or freed history means a new mm.
        this.mms.set(id, { pieces: [{ step, ...got }], born: step, freedAt: null, lastText: text });
        this.alive += 1;
      } else {
        // A host every guest's fault names, unchanged by most of them, keeps one view, not one per step.
        if (text === h.lastText) continue;
        h.lastText = text;
        const last = h.pieces[h.pieces.length - 1];
        if (last !== undefined && last.step === step) h.pieces[h.pieces.length - 1] = { step, ...got };
        else h.pieces.push({ step, ...got });
      }
      this.views += 1;
    }
    const files = sameFiles ? { files: prev.files, filesTruncated: prev.filesTruncated } : { files: parts.files, filesTruncated: parts.filesTruncated || parts.fileCount > parts.files.length };
    const entry: StepParts = { ...files, memory: parts.memory };
    this.steps[step] = prev !== undefined && sameParts(prev, entry) ? prev : entry;
    this.steps.length = step + 1;
    if (this.views > this.options.maxViews) this.giveUp();
  }

  /** The view of `step` for `window`, or null when this history does not cover it. */
  viewAt(step: number, window: AddressWindow): WorldView | null {
    const w = this.window;
    if (this.given || w === null || w.lo !== window.lo || w.hi !== window.hi || step < this.from) return null;
    const parts = this.steps[step];
    if (parts === undefined) return null;
    const mms: MmView[] = [];
    let truncated = parts.filesTruncated;
    for (const h of this.mms.values()) {
      if (h.born > step || (h.freedAt !== null && h.freedAt <= step)) continue;
      const piece = latestAtOrBefore(h.pieces, step);
      if (piece === null) return null;
      mms.push(piece.view);
      truncated ||= piece.truncated;
    }
    mms.sort((a, b) => a.id - b.id);
    return { range: { lo: window.lo, hi: window.hi }, mms, files: parts.files, memory: parts.memory, truncated };
  }

  /** Marks a living mm's history as ended at `step` (it is not in the world any more). */
  private freed(id: MmId, step: number): void {
    const h = this.mms.get(id);
    if (h === undefined || h.freedAt !== null) return;
    h.freedAt = step;
    this.alive -= 1;
  }

  /** Stops keeping views (the caller found them too costly); every step falls back to the engine. */
  giveUp(): void {
    this.given = true;
    this.mms = new Map();
    this.steps = [];
  }
}

/** Adds the mms a view's shared tables involve: their referrers and the trees they belong to. */
function sharersIn(view: MmView | undefined, into: Set<MmId>): void {
  if (view === undefined) return;
  for (const t of view.tables) {
    if (t.referrers.length > 1) {
      for (const r of t.referrers) into.add(r);
      into.add(treeOfTableId(t.id));
    }
    for (const e of t.entries) if (e.kind === 'shared') into.add(treeOfTableId(e.target));
  }
}

function latestAtOrBefore(pieces: readonly Piece[], step: number): Piece | null {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pieces[mid] as Piece).step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (pieces[lo - 1] as Piece);
}

function sameParts(a: StepParts, b: StepParts): boolean {
  const m = a.memory;
  const n = b.memory;
  return a.files === b.files && a.filesTruncated === b.filesTruncated && m.ramBytes === n.ramBytes && m.pagetablesBytes === n.pagetablesBytes && m.fileBytes === n.fileBytes;
}
