/**
 * Which mms map an object, and with how many VMAs each (Linux keeps a file's
 * VMAs in its i_mmap tree). hugetlb's fault looks for a partner among these
 * in creation order (ascending id), so it costs the object's mappers, not
 * every mm and VMA of the machine; an anonymous object's pages go when the
 * total falls to 0.
 */
import type { MmId } from '../events';

export class Mappers {
  /** Ascending: mm ids are handed out in creation order, so this is creation order too. */
  private readonly order: MmId[];
  private readonly counts: Map<MmId, number>;
  /** VMAs of all mms that map the object. */
  total: number;

  constructor(order: MmId[] = [], counts = new Map<MmId, number>(), total = 0) {
    this.order = order;
    this.counts = counts;
    this.total = total;
  }

  /** The mms with a VMA on the object, in creation order. */
  get ids(): readonly MmId[] {
    return this.order;
  }

  /** One more VMA of mm `id` maps the object. */
  add(id: MmId): void {
    this.total += 1;
    const n = this.counts.get(id) ?? 0;
    this.counts.set(id, n + 1);
    if (n > 0) return;
    // A new mapper is nearly always the newest mm: then this is a push.
    let i = this.order.length;
    while (i > 0 && this.order[i - 1]! > id) i--;
    this.order.splice(i, 0, id);
  }

  /** One VMA of mm `id` on the object is gone. */
  remove(id: MmId): void {
    this.total -= 1;
    const n = this.counts.get(id) ?? 0;
    if (n > 1) return void this.counts.set(id, n - 1);
    this.counts.delete(id);
    const i = this.order.indexOf(id);
    if (i >= 0) this.order.splice(i, 1);
  }

  clone(): Mappers {
    return new Mappers([...this.order], new Map(this.counts), this.total);
  }
}
