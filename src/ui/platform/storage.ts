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
