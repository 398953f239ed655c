/** Props that make an SVG group act as a button: click, Enter and Space, focusable, named. */
import type { KeyboardEvent, MouseEvent } from 'react';

export function activateProps(label: string, onActivate: (e?: MouseEvent<SVGGElement>) => void) {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    className: 'focus-ring cursor-pointer outline-none',
    onClick: (e: MouseEvent<SVGGElement>) => onActivate(e),
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        onActivate();
      }
    },
  } as const;
}
