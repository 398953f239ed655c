// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Inspector } from './Inspector';
import { TraceView } from './TraceView';
import { act, feed, render, type Rendered } from '../common/testing';

let r: Rendered | null = null;
afterEach(() => r?.unmount());

const TEXT = `file sga 2M
process db1
process db2
db1 mmap 0x7f0000000000 2M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 2M rw shared,shared_pt sga
db1 touch 0x7f0000000000 read
db2 touch 0x7f0000000000 read`;

describe('the inspector and the trace', () => {
  it('invites a click until something is selected, then explains it', () => {
    r = render(<Inspector />, { text: TEXT });
    const snap = feed(r, TEXT, 7);
    expect(r.container.textContent).toMatch(/Click any table/);
    const pte = snap.tables.find((t) => t.level === 'pte');
    act(() => r?.store.getState().select({ kind: 'table', id: pte?.id ?? '' }));
    expect(r.container.textContent).toContain("2 processes' PMD entries point at it: db1 and db2.");
    const entry = [...r.container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('0–0'));
    act(() => entry?.click());
    expect(r.container.querySelector('h2')?.textContent).toBe('PTE entry 0 of host:sga');
  });

  it('prints the step trace in a live region', () => {
    r = render(<TraceView />, { text: TEXT });
    feed(r, TEXT, 7);
    const live = r.container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toContain('link fault');
    expect(r.container.querySelector('h2')?.textContent).toBe('Trace of step 7');
  });
});
