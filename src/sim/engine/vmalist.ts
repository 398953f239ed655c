/**
 * An mm's VMAs in address order, kept in chunks of at most MAX so that finding,
 * inserting and removing one costs O(log n + MAX) whatever the number of VMAs
 * (a flat array pays a copy of the whole array per insert at its front).
 */
import type { Vaddr } from '../geometry';
import type { Vma } from './state';

const MAX = 256;

export class VmaList implements Iterable<Vma> {
  /** Never empty chunks, each sorted, in address order. */
  private chunks: Vma[][] = [];
  private n = 0;

  /** A list of VMAs already sorted and disjoint. */
  static of(sorted: Iterable<Vma>): VmaList {
    const l = new VmaList();
    let chunk: Vma[] = [];
    for (const v of sorted) {
      chunk.push(v);
      if (chunk.length === MAX / 2) {
        l.chunks.push(chunk);
        chunk = [];
      }
      l.n++;
    }
    if (chunk.length > 0) l.chunks.push(chunk);
    return l;
  }

  /** A list of f's copies of these VMAs, chunk by chunk (the order and the chunks stay). */
  copy(f: (v: Vma) => Vma): VmaList {
    const l = new VmaList();
    l.chunks = this.chunks.map((chunk) => chunk.map(f));
    l.n = this.n;
    return l;
  }

  get length(): number {
    return this.n;
  }

  /** [chunk, index] of the first VMA whose end is above va; [chunks.length, 0] if none. */
  private locate(va: Vaddr): [number, number] {
    const cs = this.chunks;
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = cs[mid]!;
      if (c[c.length - 1]!.end > va) hi = mid;
      else lo = mid + 1;
    }
    if (lo === cs.length) return [lo, 0];
    const c = cs[lo]!;
    let a = 0;
    let b = c.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (c[mid]!.end > va) b = mid;
      else a = mid + 1;
    }
    return [lo, a];
  }

  /** The first VMA whose end is above va. */
  firstEndingAbove(va: Vaddr): Vma | undefined {
    const [c, i] = this.locate(va);
    return this.chunks[c]?.[i];
  }

  /** The last VMA that starts below va. */
  lastStartingBelow(va: Vaddr): Vma | undefined {
    const [c, i] = this.locate(va);
    const v = this.chunks[c]?.[i];
    if (v !== undefined && v.start < va) return v;
    if (i > 0) return this.chunks[c]![i - 1];
    const prev = this.chunks[c - 1];
    return prev === undefined ? undefined : prev[prev.length - 1];
  }

  /** VMAs overlapping [lo, hi), in order. */
  overlapping(lo: Vaddr, hi: Vaddr): Vma[] {
    const out: Vma[] = [];
    let [c, i] = this.locate(lo);
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]!;
      for (; i < chunk.length; i++) {
        const v = chunk[i]!;
        if (v.start >= hi) return out;
        out.push(v);
      }
    }
    return out;
  }

  has(v: Vma): boolean {
    const [c, i] = this.locate(v.start);
    return this.chunks[c]?.[i] === v;
  }

  /** Inserts a VMA that overlaps none. */
  insert(v: Vma): void {
    this.n++;
    if (this.chunks.length === 0) return void this.chunks.push([v]);
    let [c, i] = this.locate(v.start);
    if (c === this.chunks.length) {
      c -= 1;
      i = this.chunks[c]!.length;
    }
    const chunk = this.chunks[c]!;
    chunk.splice(i, 0, v);
    if (chunk.length > MAX) this.chunks.splice(c + 1, 0, chunk.splice(MAX / 2));
  }

  /** Removes one VMA of the list (by identity). */
  remove(v: Vma): void {
    const [c, i] = this.locate(v.start);
    const chunk = this.chunks[c];
    if (chunk?.[i] !== v) throw new Error(`VMA ${v.start}-${v.end} is not in the list`);
    chunk.splice(i, 1);
    this.n--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
  }

  /** VMAs below va from the highest down. */
  *descending(below: Vaddr): Generator<Vma> {
    let [c, i] = this.locate(below);
    const v = this.chunks[c]?.[i];
    if (v === undefined || v.start >= below) {
      if (i > 0) i -= 1;
      else {
        c -= 1;
        i = c >= 0 ? this.chunks[c]!.length - 1 : -1;
      }
    }
    for (; c >= 0; c--) {
      const chunk = this.chunks[c]!;
      for (; i >= 0; i--) yield chunk[i]!;
      if (c > 0) i = this.chunks[c - 1]!.length - 1;
    }
  }

  *[Symbol.iterator](): Iterator<Vma> {
    for (const chunk of this.chunks) yield* chunk;
  }

  toArray(): Vma[] {
    return this.chunks.flat();
  }

  some(f: (v: Vma) => boolean): boolean {
    for (const chunk of this.chunks) if (chunk.some(f)) return true;
    return false;
  }

  map<T>(f: (v: Vma) => T): T[] {
    const out: T[] = [];
    for (const chunk of this.chunks) for (const v of chunk) out.push(f(v));
    return out;
  }

  filter(f: (v: Vma) => boolean): Vma[] {
    const out: Vma[] = [];
    for (const chunk of this.chunks) for (const v of chunk) if (f(v)) out.push(v);
    return out;
  }
}
