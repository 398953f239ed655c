/**
 * localStorage that never throws (private mode, full quota, disabled
 * storage): the lab keeps working, it only forgets.
 */
export const TEXT_KEY = 'sptlab.text';
export const BACKUP_KEY = 'sptlab.text.before-reset';
export const THEME_KEY = 'sptlab.theme';

export function load(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage unavailable: nothing to do
  }
}
