/** Switches light and dark; starts from the system's preference. */
import { useTheme } from '../platform/useTheme';

export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={toggle}
      className="focus-ring rounded-md border border-[var(--line)] px-2.5 py-1 text-sm hover:bg-[var(--bg)]"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> {theme === 'dark' ? 'Light' : 'Dark'}
    </button>
  );
}
