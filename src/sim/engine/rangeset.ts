/**
 * A set of integers kept as sorted, disjoint half-open ranges: how the page
 * cache records which pages of a file are cached without a record per page
 * (SPEC 4), so a 300 GiB file fully read is one range.
 */
export class RangeSet {
  /** Flat pairs: [lo0, hi0, lo1, hi1, ...], sorted, disjoint, not touching. */
  private r: number[] = [];
  /** Total members, kept as ranges come in. */
  private n = 0;

  clone(): RangeSet {
    const c = new RangeSet();
    c.r = this.r.slice();
    c.n = this.n;
    return c;
  }

  /** Index of the first range whose hi is above x. */
  private firstAbove(x: number): number {
    let lo = 0;
    let hi = this.r.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.r[mid * 2 + 1]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  has(x: number): boolean {
    const i = this.firstAbove(x);
    return i * 2 < this.r.length && this.r[i * 2]! <= x;
  }

  /** How many members lie in [lo, hi). */
  countIn(lo: number, hi: number): number {
    let n = 0;
    for (let i = this.firstAbove(lo); i * 2 < this.r.length; i++) {
      const a = this.r[i * 2]!;
      const b = this.r[i * 2 + 1]!;
      if (a >= hi) break;
      n += Math.min(b, hi) - Math.max(a, lo);
    }
    return n;
  }

  /** The ranges of [lo, hi) that are NOT members, in order. */
  gapsIn(lo: number, hi: number): [number, number][] {
    const out: [number, number][] = [];
    let at = lo;
    for (let i = this.firstAbove(lo); i * 2 < this.r.length && at < hi; i++) {
      const a = this.r[i * 2]!;
      const b = this.r[i * 2 + 1]!;
      if (a >= hi) break;
      if (a > at) out.push([at, a]);
      at = Math.max(at, b);
    }
    if (at < hi) out.push([at, hi]);
    return out;
  }

  /** The n-th (0-based) non-member at or after lo, scanning below hi; null if fewer. */
  nthGap(lo: number, hi: number, n: number): number | null {
    let left = n;
    for (const [a, b] of this.gapsIn(lo, hi)) {
      if (b - a > left) return a + left;
      left -= b - a;
    }
    return null;
  }

  add(lo: number, hi: number): void {
    if (lo >= hi) return;
    const i = this.firstAbove(lo - 1); // first range that could touch [lo, hi)
    let j = i;
    let nlo = lo;
    let nhi = hi;
    let absorbed = 0;
    while (j * 2 < this.r.length && this.r[j * 2]! <= hi) {
      nlo = Math.min(nlo, this.r[j * 2]!);
      nhi = Math.max(nhi, this.r[j * 2 + 1]!);
      absorbed += this.r[j * 2 + 1]! - this.r[j * 2]!;
      j++;
    }
    if (j - i === 1) {
      // One range grows (a page read next to cached ones): no splice.
      this.r[i * 2] = nlo;
      this.r[i * 2 + 1] = nhi;
    } else this.r.splice(i * 2, (j - i) * 2, nlo, nhi);
    this.n += nhi - nlo - absorbed;
  }

  /** Total members. */
  size(): number {
    return this.n;
  }

  /** The ranges in order; at most `max` of them (a view needs only the first few). */
  ranges(max = Infinity): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.r.length && out.length < max; i += 2) out.push([this.r[i]!, this.r[i + 1]!]);
    return out;
  }
}
