/**
 * The machine: frames against the RAM limit, the table and file page counters
 * of SPEC 1.6, and the event sink of the step under way.
 */
import { DEFAULT_MSHARE_ALIGN, DEFAULT_RAM, DEFAULT_SEED } from '../commands';
import { isMarker, tryAbsorb, type EffectEvent, type MarkerEvent } from '../events';
import { PAGE_SIZE, type Bytes } from '../geometry';
import { seedState } from '../random';
import type { Machine, Mm } from './state';

export function createMachine(ram: Bytes = DEFAULT_RAM, seed = DEFAULT_SEED, ptReclaim = false, asPosted = false, mshareAlign: Bytes = DEFAULT_MSHARE_ALIGN): Machine {
  return {
    ram,
    frames: Math.floor(ram / PAGE_SIZE),
    usedFrames: 0,
    tablePages: 0,
    filePages: 0,
    ptReclaim,
    asPosted,
    mshareAlign,
    leakedTables: 0,
    findings: [],
    rng: seedState(seed),
    nextMmId: 1,
    objects: new Map(),
    anon: new Set(),
    tasks: new Map(),
    taskOrder: [],
    mms: new Map(),
    hosts: new Map(),
    regions: new Map(),
    mshares: new Map(),
    cacheChanged: new Set(),
    events: [],
    markerAt: 0,
    mmNames: new Map(),
    started: false,
    pudRuns: true,
    reshaped: [],
  };
}

export function freeFrames(m: Machine): number {
  return m.frames - m.usedFrames;
}

/** How far back emit looks for an effect to extend: a touch cycles through a few kinds. */
const LOOKBACK = 8;

/**
 * Records an event. An effect that continues one of the last few recorded
 * since the last marker is folded into it at once, which normalizeEvents would
 * do anyway: a 300 GiB touch stays a handful of events, not some per 1 GiB span.
 */
export function emit(m: Machine, e: EffectEvent | MarkerEvent): void {
  if (isMarker(e)) {
    m.markerAt = m.events.length + 1;
    m.events.push(e);
    return;
  }
  for (let i = m.events.length - 1; i >= Math.max(m.markerAt, m.events.length - LOOKBACK); i--) {
    const prev = m.events[i] as EffectEvent;
    if (prev.k === e.k && tryAbsorb(prev, e)) return; // only an effect of the same kind continues one
  }
  m.events.push(e);
}

/**
 * Puts the first fault recorded since index `from` before the effects recorded
 * with it (the allocations it caused): a fault is taken first, then handled.
 * The step's events then read in causal order, as the UI animates them.
 */
export function hoistFirstFault(m: Machine, from: number): void {
  const start = Math.max(from, m.markerAt);
  for (let j = start; j < m.events.length; j++) {
    if (m.events[j]!.k !== 'fault') continue;
    if (j > start) m.events.splice(start, 0, ...m.events.splice(j, 1));
    return;
  }
}

/** Takes frames for `count` table pages charged to `charged` (null: a PGD, never charged). */
export function takeTables(m: Machine, charged: Mm | null, count: number): void {
  m.usedFrames += count;
  m.tablePages += count;
  if (charged !== null) charged.charged += count;
}

export function releaseTables(m: Machine, charged: Mm | null, count: number): void {
  m.usedFrames -= count;
  m.tablePages -= count;
  if (charged !== null) charged.charged -= count;
}

export function takeFilePages(m: Machine, frames: number): void {
  m.usedFrames += frames;
  m.filePages += frames;
}
