// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SAVED_CHARS, TEXT_KEY, loadSlots, loadText, saveText, slotKey } from './storage';
import { otherTabText } from './usePersistence';

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
});

describe('saving the editor text', () => {
  it('keeps the text and the last three distinct versions before it', () => {
    for (const t of ['one', 'two', 'three', 'four', 'five']) expect(saveText(t)).toEqual({ ok: true });
    expect(loadText()).toBe('five');
    expect(loadSlots()).toEqual(['four', 'three', 'two']);
    saveText('five');
    expect(loadSlots()).toEqual(['four', 'three', 'two']);
  });

  it('says in words when the storage is full, and keeps what was saved', () => {
    saveText('before');
    const full = {
      getItem: (k: string) => window.localStorage.getItem(k),
      setItem: () => {
        throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      },
    };
    const r = saveText('after', full);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/storage for this page is full/);
    expect(loadText()).toBe('before');
  });

  it('refuses a text over the limit, naming it', () => {
    const r = saveText('x'.repeat(MAX_SAVED_CHARS + 1));
    expect(!r.ok && r.problem).toMatch(/over the 4 MB \(4,000,000 characters\)/);
    expect(loadText()).toBeNull();
  });

  it('ignores oversized entries read back', () => {
    window.localStorage.setItem(TEXT_KEY, 'x'.repeat(MAX_SAVED_CHARS + 1));
    window.localStorage.setItem(slotKey(1), 'ok');
    expect(loadText()).toBeNull();
    expect(loadSlots()).toEqual(['ok']);
  });
});

describe('another tab saving', () => {
  it('offers a different text saved under the text key, nothing else', () => {
    expect(otherTabText({ key: TEXT_KEY, newValue: 'theirs' }, 'mine')).toBe('theirs');
    expect(otherTabText({ key: TEXT_KEY, newValue: 'mine' }, 'mine')).toBeNull();
    expect(otherTabText({ key: 'sptlab.theme', newValue: 'dark' }, 'mine')).toBeNull();
    expect(otherTabText({ key: TEXT_KEY, newValue: null }, 'mine')).toBeNull();
  });
});
