/**
 * Export the diagram as shown: SVG (self-contained, opens the same in any
 * browser or editor) or PNG at 2× for slides, named after the scenario and
 * the step. Used in the lab's header and in the embed frame's menu.
 */
import { useState } from 'react';
import { useSimStore } from '../../common/SimProvider';
import { useClock } from '../../motion/MotionProvider';
import { lessonOnScreen } from '../link/lessonLink';
import { exportSvg } from './exportDiagram';
import { exportFileName } from './fileName';
import { saveBlob, svgToPng } from './saveFile';

/** PNGs are drawn at twice the size on screen: sharp on slides and projectors. */
export const PNG_SCALE = 2;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export function ExportButtons({ compact = false }: { compact?: boolean }) {
  const store = useSimStore();
  const clock = useClock();
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (ext: 'svg' | 'png'): Promise<void> => {
    // A step still moving is exported at its end: the picture the step leads to, not a frame of the motion.
    if (clock.getState().busy) {
      clock.finish();
      await nextFrame();
      await nextFrame();
    }
    const s = store.getState();
    const picture = exportSvg(s);
    if (picture === null) {
      setProblem('Nothing is drawn yet to export.');
      return;
    }
    const name = exportFileName(s.loadedText, lessonOnScreen(store)?.lesson ?? null, s.snapshot?.step ?? s.step, s.mode, ext);
    try {
      const blob = ext === 'svg' ? new Blob([picture.svg], { type: 'image/svg+xml' }) : await svgToPng(picture.svg, picture.width, picture.height, PNG_SCALE);
      saveBlob(blob, name);
      setProblem(null);
    } catch (e) {
      setProblem(`The export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const button = compact
    ? 'focus-ring rounded px-1.5 py-1 text-xs text-[var(--muted)] underline hover:text-[var(--ink)]'
    : 'focus-ring rounded-md border border-[var(--line)] px-2.5 py-1 text-sm hover:bg-[var(--bg)]';
  return (
    <span className="flex items-center gap-1" role="group" aria-label="Export the diagram">
      {problem !== null && (
        <span className="text-xs text-[var(--error)]" role="alert">
          {problem}
        </span>
      )}
      <button type="button" className={button} onClick={() => void run('svg')} aria-label="Export the diagram as SVG" data-testid="export-svg">
        SVG
      </button>
      <button type="button" className={button} onClick={() => void run('png')} aria-label="Export the diagram as PNG (2×)" data-testid="export-png">
        PNG
      </button>
    </span>
  );
}
