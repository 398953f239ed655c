/**
 * The compact frame for iframes (`?embed=1`, SPEC 5.2): the step caption,
 * the diagram with its counters, and the timeline; no site header; the
 * editor only with `editor=1`; a small "open in the lab" link. It speaks the
 * embed API to its host page, sizes to its content (no full-screen layout,
 * so the host can size the iframe from `height`), handles keys only while
 * focused and gives focus back on Esc. It never writes the reader's saved work.
 */
import { useRef } from 'react';
import { selectMotion, selectSpeed } from '../../store/selectors';
import { useSim } from '../common/SimProvider';
import { MotionProvider } from '../motion/MotionProvider';
import { Editor } from '../panels/Editor';
import { OpenInLab } from '../platform/embed/OpenInLab';
import { ExportButtons } from '../platform/export/ExportButtons';
import { useEmbedApi } from '../platform/embed/useEmbedApi';
import { useFocusRelease } from '../platform/embed/useFocusRelease';
import type { LinkState } from '../platform/link/linkState';
import { useKeyboardShortcuts } from '../platform/useKeyboardShortcuts';
import { useTheme } from '../platform/useTheme';
import { Counters } from '../stage/Counters';
import { MainDiagram } from '../stage/diagram/Diagram';
import { CompareView } from '../stage/compare/CompareView';
import { ScaleView } from '../stage/scale/ScaleView';
import { LessonPanel } from '../lesson/LessonPanel';
import { selectLesson, selectMode } from '../../store/selectors';
import { StepCaption } from '../stage/StepCaption';
import { Timeline } from '../timeline/Timeline';
import { Notices } from './Notices';
import { LabEffects } from './LabEffects';

/** The embed frame, with the playback clock its stage and timeline share. */
export function EmbedApp({ link }: { link: LinkState }) {
  const speed = useSim(selectSpeed);
  const motion = useSim(selectMotion);
  return (
    <MotionProvider speed={speed} motion={motion}>
      <EmbedFrame link={link} />
    </MotionProvider>
  );
}

function EmbedFrame({ link }: { link: LinkState }) {
  const content = useRef<HTMLDivElement>(null);
  useTheme();
  useKeyboardShortcuts();
  useFocusRelease();
  useEmbedApi(content, link.origins);
  const mode = useSim(selectMode);
  const lesson = useSim(selectLesson);
  return (
    // The timeline is a bar in the flow here, never fixed to the viewport: the frame is as tall as its content.
    <div ref={content} className="flex flex-col bg-[var(--bg)] text-[var(--ink)] [&_nav]:static! [&_nav]:shadow-none!" data-testid="embed-frame">
      <LabEffects />
      {/* The menu sits beside the caption, or above it in a narrow frame so the caption keeps its width. */}
      <div className="flex flex-col-reverse gap-x-2 pr-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <StepCaption />
        </div>
        <div className="flex items-center justify-end gap-1 pt-2">
          <ExportButtons compact />
          <OpenInLab />
        </div>
      </div>
      <Notices />
      <main className="flex min-w-0 flex-col" aria-label={mode === 'scale' ? 'Scale explorer' : 'Page tables'}>
        {mode === 'scale' ? (
          <ScaleView />
        ) : mode === 'compare' ? (
          <CompareView fixedHeight />
        ) : (
          <>
            <MainDiagram />
            <Counters />
          </>
        )}
      </main>
      {lesson !== null && !lesson.exploring && (
        <section aria-label="Lesson" className="border-t border-[var(--line)] bg-[var(--panel)]">
          <LessonPanel />
        </section>
      )}
      {link.editor && (
        <section aria-label="Scenario editor" className="h-[320px] border-t border-[var(--line)] bg-[var(--panel)]">
          <Editor />
        </section>
      )}
      {mode !== 'scale' && <Timeline />}
    </div>
  );
}
