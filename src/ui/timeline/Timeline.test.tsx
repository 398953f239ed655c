// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from './Timeline';
import { act, feed, render, type Rendered } from '../common/testing';

let r: Rendered | null = null;
afterEach(() => r?.unmount());

const TEXT = 'file f 2M\nprocess a\na mmap 0x7f0000000000 2M rw shared f\na touch 0x7f0000000000 read\na exit';

const button = (name: string): HTMLButtonElement => {
  const b = r?.container.querySelector<HTMLButtonElement>(`button[aria-label^="${name}"]`);
  if (!b) throw new Error(`no button ${name}`);
  return b;
};

describe('the timeline', () => {
  it('disables moving past either end and asks the worker for the step', () => {
    r = render(<Timeline />, { text: TEXT });
    feed(r, TEXT, 0);
    expect(button('First step').disabled).toBe(true);
    expect(button('Step back').disabled).toBe(true);
    act(() => button('Step forward').click());
    expect(r.sent.at(-1)).toEqual({ type: 'goto', step: 1 });
    act(() => button('Last step').click());
    expect(r.sent.at(-1)).toEqual({ type: 'goto', step: 5 });
    expect(button('Step forward').disabled).toBe(true);
  });

  it('describes the step on its slider, with the step kind in words', () => {
    r = render(<Timeline />, { text: TEXT, step: 4 });
    feed(r, TEXT, 4);
    const slider = r.container.querySelector('[role="slider"]');
    expect(slider?.getAttribute('aria-valuenow')).toBe('4');
    expect(slider?.getAttribute('aria-valuetext')).toBe('Step 4 of 5: fault');
  });
});
