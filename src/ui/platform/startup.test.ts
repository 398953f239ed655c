// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { encodeLink } from './shareLink';
import { startupOptions } from './startup';
import { BACKUP_KEY, TEXT_KEY } from './storage';

describe('what the lab opens on', () => {
  beforeEach(() => window.localStorage.clear());

  it('opens the default scenario the first time', () => {
    expect(startupOptions('')).toEqual({ text: DEFAULT_SCENARIO, step: 0 });
  });

  it('reopens the text typed last time', () => {
    window.localStorage.setItem(TEXT_KEY, 'process mine');
    expect(startupOptions('').text).toBe('process mine');
  });

  it('opens a link at its step, setting typed text aside', () => {
    window.localStorage.setItem(TEXT_KEY, 'process mine');
    expect(startupOptions(encodeLink('process linked', 3))).toEqual({ text: 'process linked', step: 3 });
    expect(window.localStorage.getItem(BACKUP_KEY)).toBe('process mine');
  });

  it('falls back to the default with a message for a bad link', () => {
    const o = startupOptions('#s=@@@');
    expect(o.text).toBe(DEFAULT_SCENARIO);
    expect(o.notice).toMatch(/damaged.*default scenario instead/);
  });
});
