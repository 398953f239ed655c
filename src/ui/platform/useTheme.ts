/**
 * Light or dark: a link's `theme=` or the embed API's `theme` command if
 * given, else the person's choice if they made one (kept), else the system's
 * prefers-color-scheme, followed live. Applied as a class on <html>.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Theme } from './link/linkState';
import { THEME_KEY, load, save } from './storage';

export type { Theme };

let override: Theme | null = null;
const listeners = new Set<() => void>();

/** Sets (or with null, clears) the theme a link or a host page asked for, over the reader's preference. */
export function setThemeOverride(theme: Theme | null): void {
  override = theme;
  for (const l of listeners) l();
}

function subscribeOverride(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function systemTheme(): Theme {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): { theme: Theme; toggle: () => void } {
  const asked = useSyncExternalStore(subscribeOverride, () => override);
  const [chosen, setChosen] = useState<Theme | null>(() => {
    const saved = load(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : null;
  });
  const [system, setSystem] = useState<Theme>(systemTheme);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const on = (): void => setSystem(mq.matches ? 'dark' : 'light');
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const theme = asked ?? chosen ?? system;
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    save(THEME_KEY, next);
    setChosen(next);
    override = null;
    for (const l of listeners) l();
  }, [theme]);
  return { theme, toggle };
}
