/** Copies the full link to this view (SPEC 5.1); says so, or shows the link when copying is not allowed. */
import { useState } from 'react';
import { viewUrl } from '../platform/link/currentLink';
import { lessonOnScreen } from '../platform/link/lessonLink';
import { useSimStore } from '../common/SimProvider';

export function ShareButton() {
  const store = useSimStore();
  const [said, setSaid] = useState<string | null>(null);
  const share = async (): Promise<void> => {
    const url = await viewUrl(store.getState(), lessonOnScreen(store), window.location);
    const { step } = store.getState();
    window.history.replaceState(window.history.state, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setSaid(`Link to step ${step} copied`);
    } catch {
      setSaid('The address bar now holds the link: copy it from there');
    }
    setTimeout(() => setSaid(null), 4000);
  };
  return (
    <span className="flex items-center gap-2">
      <span className="text-xs text-[var(--muted)]" role="status">
        {said}
      </span>
      <button
        type="button"
        onClick={() => void share()}
        className="focus-ring rounded-md border border-[var(--line)] px-2.5 py-1 text-sm hover:bg-[var(--bg)]"
      >
        Share link
      </button>
    </span>
  );
}
