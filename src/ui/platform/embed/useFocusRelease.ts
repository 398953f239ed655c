/**
 * No keyboard trap in an embedded frame (WCAG 2.1.2): Esc gives focus back
 * to the host page. A control that uses Esc itself (a menu) handles it
 * first and stops it there.
 */
import { useEffect } from 'react';

export function useFocusRelease(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      try {
        window.parent.focus();
      } catch {
        // a browser that refuses: the frame at least holds no focused control now
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
