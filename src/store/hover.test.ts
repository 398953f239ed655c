import { describe, expect, it } from 'vitest';
import type { Bridge } from '../bridge/bridge';
import { createSimStore } from './simStore';

describe('hovering a PTE cell', () => {
  it('updates the store only when the page under the pointer changes', () => {
    const store = createSimStore({ text: '', bridge: (): Bridge => ({ send: () => undefined, terminate: () => undefined }) });
    let changes = 0;
    store.subscribe(() => void (changes += 1));
    store.getState().setHover({ file: 'f', page: 3 });
    store.getState().setHover({ file: 'f', page: 3 });
    store.getState().setHover({ file: 'f', page: 4 });
    store.getState().setHover(null);
    store.getState().setHover(null);
    expect(changes).toBe(3);
    expect(store.getState().hover).toBeNull();
  });
});
