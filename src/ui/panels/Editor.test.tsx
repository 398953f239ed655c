// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from './Editor';
import { act, render, type Rendered } from '../common/testing';

let r: Rendered | null = null;
afterEach(() => r?.unmount());

describe('the scenario editor', () => {
  it('numbers its lines and runs its text', () => {
    r = render(<Editor />, { text: 'process a\nprocess b\na exit' });
    const lines = r.container.querySelectorAll('.cm-line');
    expect(lines.length).toBe(3);
    expect(r.container.querySelector('.cm-gutters')?.textContent).toContain('3');
    act(() => r?.container.querySelector<HTMLButtonElement>('button')?.click());
    expect(r.sent.at(-1)).toMatchObject({ type: 'load', text: 'process a\nprocess b\na exit' });
  });

  it('shows a parse error at its line, in words', () => {
    r = render(<Editor />, { text: 'process a\na explode' });
    act(() => r?.handlers.onLoaded({ v: 1, type: 'loaded', loadId: 1, steps: 0, error: { line: 2, column: 3, message: 'unknown verb' } }));
    const alert = r.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Error line 2, column 3: unknown verb');
    const content = r.container.querySelector('[data-testid="editor"]');
    expect(content?.getAttribute('aria-invalid')).toBe('true');
    expect(content?.getAttribute('aria-describedby')).toBe('scenario-error');
    const mark = r.container.querySelector('.cm-error-mark');
    expect(mark?.textContent).toBe('explode');
    expect(mark?.getAttribute('title')).toBe('unknown verb');
  });
});
