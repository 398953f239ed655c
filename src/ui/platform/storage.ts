/**
 * localStorage that never throws (private mode, full quota, disabled
 * storage): the lab keeps working, it only forgets. An embedded frame makes
 * it read-only, so a page that embeds the lab never touches the reader's
 * saved work.
 */
export const TEXT_KEY = 'sptlab.text';
export const BACKUP_KEY = 'sptlab.text.before-reset';
export const THEME_KEY = 'sptlab.theme';

let writable = true;

/** From now on `save` writes nothing (the embed frame calls it before anything renders). */
export function keepStorageReadOnly(): void {
  writable = false;
}

export function load(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key: string, value: string): void {
  if (!writable) return;
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage unavailable: nothing to do
  }
}

export function remove(key: string): void {
  if (!writable) return;
  try {
    window.localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing to do
  }
}

/** The longest scenario text kept in storage: 4 MB (4,000,000 characters). */
export const MAX_SAVED_CHARS = 4_000_000;
/** Earlier distinct versions of the text, newest first: `sptlab.text.1` … `sptlab.text.3`. */
export const SLOT_COUNT = 3;
export const slotKey = (i: number): string => `${TEXT_KEY}.${i}`;

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** A value read back from storage, used only if it is a string within the limit. */
export function loadChecked(key: string): string | null {
  const value = load(key);
  if (typeof value !== 'string' || value.length > MAX_SAVED_CHARS) return null;
  return value;
}

/** The saved text (checked), or null. */
export function loadText(): string | null {
  return loadChecked(TEXT_KEY);
}

/** The earlier versions kept, newest first. */
export function loadSlots(): string[] {
  const out: string[] = [];
  for (let i = 1; i <= SLOT_COUNT; i++) {
    const v = loadChecked(slotKey(i));
    if (v !== null) out.push(v);
  }
  return out;
}

/**
 * Saves the editor's text; the text saved before it moves into the first
 * backup slot (when it differs from what the slot holds) and the slots
 * shift down. Says in words why a text was not kept: over the limit, or the
 * browser's storage refused it (full, disabled).
 */
export function saveText(text: string, storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage): SaveResult {
  if (!writable) return { ok: true };
  if (text.length > MAX_SAVED_CHARS) {
    return { ok: false, problem: `This scenario is ${text.length.toLocaleString('en-US')} characters, over the 4 MB (4,000,000 characters) the lab keeps in this browser: it stays in the editor but is not saved.` };
  }
  try {
    const checked = (key: string): string | null => {
      const v = storage.getItem(key);
      return typeof v === 'string' && v.length <= MAX_SAVED_CHARS ? v : null;
    };
    const previous = checked(TEXT_KEY);
    if (previous === text) return { ok: true };
    if (previous !== null && previous !== checked(slotKey(1))) {
      for (let i = SLOT_COUNT; i > 1; i--) {
        const v = storage.getItem(slotKey(i - 1));
        if (v !== null) storage.setItem(slotKey(i), v);
      }
      storage.setItem(slotKey(1), previous);
    }
    storage.setItem(TEXT_KEY, text);
    return { ok: true };
  } catch (e) {
    const name = (e as { name?: unknown } | null)?.name;
    const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e as { code?: unknown } | null)?.code === 22;
    return {
      ok: false,
      problem: quota
        ? 'The browser\'s storage for this page is full: your latest text is in the editor but was not saved. Copy it somewhere, or clear this site\'s data.'
        : 'This browser would not let the lab save your text (storage is disabled): it is in the editor but will be lost on reload.',
    };
  }
}
