/** The timeline's glyphs as inline SVG (no icon font, no emoji font needed). */
const PATHS = {
  first: 'M4 3h2v10H4zM13 3v10L6.5 8z',
  back: 'M12 3v10L5 8z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5z',
  last: 'M10 3h2v10h-2zM3 3v10l6.5-5z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden="true" className="fill-current">
      <path d={PATHS[name]} />
    </svg>
  );
}
