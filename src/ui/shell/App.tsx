/**
 * The lab's page: header, then the view: one diagram with its ruler, page
 * cache and counters (explore), both sides of a comparison (compare), or the
 * scale explorer; a side panel (scenario editor, inspector, this step's
 * trace) and the timeline. On a phone the parts stack and the timeline is a
 * bottom bar.
 */
import { MainDiagram } from '../stage/diagram/Diagram';
import { CompareView } from '../stage/compare/CompareView';
import { ScaleView } from '../stage/scale/ScaleView';
import { Header } from './Header';
import { Notices } from './Notices';
import { SidePanel } from './SidePanel';
import { StepCaption } from '../stage/StepCaption';
import { StepNotes } from '../stage/StepNotes';
import { Timeline } from '../timeline/Timeline';
import { AddressRuler } from '../stage/AddressRuler';
import { Counters } from '../stage/Counters';
import { PageCache } from '../stage/PageCache';
import { usePersistence } from '../platform/usePersistence';
import { useRunMarker } from '../platform/useRunMarker';
import { useKeyboardShortcuts } from '../platform/useKeyboardShortcuts';
import { selectMode, selectMotion, selectPicking, selectPresenting, selectSpeed } from '../../store/selectors';
import { ExploringBar } from '../lesson/ExploringBar';
import { LessonPicker } from '../lesson/LessonPicker';
import { OpenPointNote } from '../lesson/OpenPointNote';
import { PresentationFrame } from './PresentationFrame';
import { LabEffects } from './LabEffects';
import { useActions, useSim } from '../common/SimProvider';
import { MotionProvider } from '../motion/MotionProvider';

/** The lab, with the playback clock its stage and timeline share. */
export function App() {
  const speed = useSim(selectSpeed);
  const motion = useSim(selectMotion);
  return (
    <MotionProvider speed={speed} motion={motion}>
      <Lab />
    </MotionProvider>
  );
}

function Lab() {
  // Always first and in the same place, so presenting neither restarts playback nor re-applies a slide's focus.
  return (
    <>
      <LabEffects />
      <LabPage />
    </>
  );
}

function LabPage() {
  useKeyboardShortcuts();
  const otherTab = usePersistence();
  useRunMarker();
  const mode = useSim(selectMode);
  const presenting = useSim(selectPresenting);
  const picking = useSim(selectPicking);
  const { showLessons } = useActions();
  const picker = <LessonPicker open={picking} onClose={() => showLessons(false)} />;
  if (presenting)
    return (
      <>
        <PresentationFrame />
        {picker}
      </>
    );
  return (
    <div className="flex min-h-screen flex-col pb-28 text-[var(--ink)] md:h-screen md:min-h-0 md:pb-0">
      <Header />
      <Notices />
      {otherTab.text !== null && (
        <div role="status" data-testid="other-tab" className="mx-4 mt-2 flex items-start gap-3 rounded-md border border-[var(--line)] bg-[var(--panel)] px-3 py-2 text-sm">
          <span className="flex-1">Another tab changed the saved scenario.</span>
          <button type="button" className="focus-ring rounded px-2 underline" onClick={otherTab.loadIt}>
            Load it
          </button>
          <button type="button" className="focus-ring rounded px-2 text-[var(--muted)] underline" onClick={otherTab.dismiss}>
            Keep mine
          </button>
        </div>
      )}
      <ExploringBar />
      {picker}
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        {mode === 'scale' ? (
          <main className="flex min-h-0 min-w-0 flex-1 flex-col" aria-label="Scale explorer">
            <ScaleView />
          </main>
        ) : (
          // On a short screen the column scrolls as a whole: the diagram keeps its least height and nothing overlaps.
          <main className="flex min-h-0 min-w-0 flex-1 flex-col md:overflow-y-auto" aria-label="Page tables">
            <StepCaption />
            <AddressRuler />
            {mode === 'compare' ? (
              <CompareView />
            ) : (
              <>
                <div className="relative flex min-h-0 flex-1 flex-col">
                  <MainDiagram />
                  <StepNotes />
                  <OpenPointNote />
                </div>
                <div className="flex flex-col border-t border-[var(--line)] bg-[var(--panel)] lg:flex-row lg:items-end">
                  <div className="min-w-0 flex-1">
                    <PageCache />
                  </div>
                  <Counters />
                </div>
              </>
            )}
          </main>
        )}
        {mode !== 'scale' && <SidePanel />}
      </div>
      {mode !== 'scale' && <Timeline />}
    </div>
  );
}
