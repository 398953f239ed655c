/**
 * The embed frame's "open in the lab" link: the same view, full size, in a
 * new tab (the frame's own settings left off). Its address follows the view.
 */
import { useEffect, useState } from 'react';
import { useSimStore } from '../../common/SimProvider';
import { fullSizeQuery, viewUrl } from '../link/currentLink';
import { lessonOnScreen } from '../link/lessonLink';

export function OpenInLab() {
  const store = useSimStore();
  const [href, setHref] = useState(() => `${window.location.pathname}${fullSizeQuery(window.location.search)}`);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const where = { origin: window.location.origin, pathname: window.location.pathname, search: fullSizeQuery(window.location.search) };
    const update = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void viewUrl(store.getState(), lessonOnScreen(store), where).then((url) => alive && setHref(url)), 150);
    };
    update();
    const unsubscribe = store.subscribe((s, p) => {
      if (s.loadedText !== p.loadedText || s.step !== p.step || s.mode !== p.mode || s.vs !== p.vs || s.window !== p.window) update();
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
  return (
    <a href={href} target="_blank" rel="noopener" className="focus-ring rounded px-1.5 py-1 text-xs whitespace-nowrap text-[var(--muted)] underline hover:text-[var(--ink)]" data-testid="open-in-lab">
      Open in the lab <span aria-hidden="true">↗</span>
      <span className="sr-only"> (new tab)</span>
    </a>
  );
}
