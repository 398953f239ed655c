// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from './Editor';
import { act, render, type Rendered } from '../common/testing';

let r: Rendered | null = null;
afterEach(() => r?.unmount());

describe('the scenario editor', () => {
  it('numbers its lines and runs its text', () => {
    r = render(<Editor />, { text: 'process a\nprocess b\na exit' });
    const gutter = r.container.querySelector('pre');
    expect(gutter?.textContent).toBe('123');
    act(() => r?.container.querySelector<HTMLButtonElement>('button')?.click());
    expect(r.sent.at(-1)).toMatchObject({ type: 'load', text: 'process a\nprocess b\na exit' });
  });

  it('shows a parse error at its line, in words', () => {
    r = render(<Editor />, { text: 'process a\na explode' });
    act(() => r?.handlers.onLoaded({ v: 1, type: 'loaded', loadId: 1, steps: 0, error: { line: 2, column: 3, message: 'unknown verb' } }));
    const alert = r.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Error line 2, column 3: unknown verb');
    expect(r.container.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect(r.container.querySelector('pre')?.textContent).toContain('✕ 2');
  });
});
