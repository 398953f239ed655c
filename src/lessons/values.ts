/**
 * What each template name means, asked of the engine's public API at the
 * current step. A name that does not exist in the scenario (a task, a file)
 * is a problem of the lesson, returned as an error, never thrown.
 */
import { W } from '../sim/bits';
import type { Engine } from '../sim/engine/engine';
import { USER_TOP } from '../sim/geometry';
import type { ErrorReport } from '../sim/report';
import type { MmView, WorldView } from '../sim/view';
import { isLevel, parseAddress, type Expr } from './templates';
import type { Value } from './types';

/** The state a template reads: the engine after the step, and every error reported so far. */
export interface ValueContext {
  readonly engine: Engine;
  readonly errors: readonly ErrorReport[];
  /** Every table of every mm at this step, built once per step (see contextAt). */
  readonly fullView: () => WorldView;
}

/**
 * The context for one step. The full view lists each PTE page, so it is built at
 * most once per step and only when a template needs it (`tables`, `pte_bytes`).
 */
export function contextAt(engine: Engine, errors: readonly ErrorReport[]): ValueContext {
  let view: WorldView | null = null;
  return { engine, errors, fullView: () => (view ??= engine.view({ lo: 0, hi: USER_TOP, maxPtePerMm: NO_CAP })) };
}

export type Evaluated = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: string };

const PTE_ENTRY_BYTES = 8;
const NO_CAP = Number.MAX_SAFE_INTEGER;

/** Computes one template's value (its factor applied) at the engine's current step. */
export function evaluate(expr: Expr, ctx: ValueContext): Evaluated {
  const raw = rawValue(expr, ctx);
  if (typeof raw === 'object') return { ok: false, error: `${expr.source}: ${raw.error}` };
  if (expr.factors.length === 0) return { ok: true, value: raw };
  let value = raw;
  for (const f of expr.factors) {
    const by = typeof f === 'number' ? f : rawValue({ ...expr, name: f, args: [], factors: [] }, ctx);
    if (typeof value !== 'number' || typeof by !== 'number') return { ok: false, error: `${expr.source}: '*' needs numbers` };
    value *= by;
  }
  return { ok: true, value };
}

function rawValue(expr: Expr, ctx: ValueContext): Value | { error: string } {
  const { engine } = ctx;
  const [a = '', b = ''] = expr.args;
  switch (expr.name) {
    case 'pgtables_bytes':
    case 'rss_pages': {
      const p = engine.processes().find((q) => q.name === a);
      if (p === undefined) return { error: `no task named ${a}` };
      return expr.name === 'pgtables_bytes' ? p.pgtables_bytes : p.rss_pages;
    }
    case 'pagetables_bytes':
      return engine.memory().pagetables_bytes;
    case 'file_bytes':
      return engine.memory().file_bytes;
    case 'ram_bytes':
      return engine.memory().ram_bytes;
    case 'host_pgtables_bytes':
    case 'refcount': {
      // No host (yet, or any more) is a state worth narrating: 0 bytes, 0 references.
      const h = engine.hosts().find((x) => x.file === a);
      return h === undefined ? 0 : expr.name === 'refcount' ? h.refcount : h.pgtables_bytes;
    }
    case 'alive':
      return engine.processes().filter((p) => p.alive && p.thread_of === null).length;
    case 'oom_killed':
      return engine.processes().filter((p) => p.oom_killed && p.thread_of === null).length;
    case 'vmpte_bytes':
      return engine.processes().reduce((n, p) => n + (p.thread_of === null ? p.pgtables_bytes : 0), 0);
    case 'max_pgtables': {
      const live = engine.processes().filter((p) => p.alive && p.thread_of === null);
      const top = live.reduce<(typeof live)[number] | null>((best, p) => (best === null || p.pgtables_bytes > best.pgtables_bytes ? p : best), null);
      return top === null ? { error: 'no live process' } : top.name;
    }
    case 'errno': {
      const e = ctx.errors.find((x) => x.line === Number(a));
      return e === undefined ? 'no error' : e.errno;
    }
    case 'pte_bytes':
      return ctx.fullView().mms.reduce((n, mm) => n + leafEntries(mm), 0) * PTE_ENTRY_BYTES;
    case 'tables': {
      const mm = mmNamed(ctx.fullView(), b);
      if (mm === null) return { error: `no live mm named ${b} (a task, or host:FILE)` };
      return isLevel(a) ? mm.tables.filter((t) => t.level === a).length : { error: `'${a}' is not a level` };
    }
    case 'shared':
      return sharedAt(engine, a, b);
    case 'access': {
      const va = parseAddress(b);
      if (va === null) return { error: `'${b}' is not an address` };
      if (!engine.processes().some((p) => p.name === a)) return { error: `no task named ${a}` };
      const leaf = engine.translate(a, va);
      return leaf === null ? 'not present' : (leaf.bits & W) !== 0 ? 'writable' : 'read-only';
    }
  }
}

function mmNamed(view: WorldView, name: string): MmView | null {
  return view.mms.find((mm) => (name.startsWith('host:') ? mm.isHost && mm.name === name : mm.tasks.includes(name))) ?? null;
}

/** Populated leaves in this mm's own PTE pages (each physical entry is counted once). */
function leafEntries(mm: MmView): number {
  let n = 0;
  for (const t of mm.tables) {
    if (t.level !== 'pte') continue;
    for (const e of t.entries) if (e.kind === 'leaf') n += e.hi - e.lo;
  }
  return n;
}

/**
 * "shared" when the task's mapping at the address uses tables it does not own:
 * its VMA belongs to a MAP_SHARED_PT region, or the PMD page there is a shared
 * hugetlb page; "not shared" otherwise, "not mapped" when no VMA is there.
 */
function sharedAt(engine: Engine, task: string, addrText: string): Value | { error: string } {
  const va = parseAddress(addrText);
  if (va === null) return { error: `'${addrText}' is not an address` };
  const p = engine.processes().find((q) => q.name === task);
  if (p === undefined) return { error: `no task named ${task}` };
  if (!p.alive) return 'not mapped';
  const view = engine.view({ lo: va, hi: va + 1, maxPtePerMm: 1 });
  const mm = mmNamed(view, task);
  const vma = mm?.vmas.find((v) => v.start <= va && va < v.end);
  if (mm === undefined || mm === null || vma === undefined) return 'not mapped';
  if (vma.host !== null) return 'shared';
  const pmd = mm.tables.find((t) => t.level === 'pmd' && t.va <= va && va < t.va + 2 ** 30);
  const pud = mm.tables.find((t) => t.level === 'pud');
  const linkedPud = pud?.entries.some((e) => e.kind === 'shared' && e.lo <= pudIndex(va) && pudIndex(va) < e.hi) ?? false;
  return linkedPud || (pmd !== undefined && pmd.referrers.length > 1) ? 'shared' : 'not shared';
}

function pudIndex(va: number): number {
  return Math.floor(va / 2 ** 30) % 512;
}
