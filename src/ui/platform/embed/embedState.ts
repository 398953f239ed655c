/**
 * The `state` event's body (SPEC 5.2): the step as in links, the number of
 * steps, the view, the lesson, playback, and each side's page-table
 * figures (one side in single, two in compare).
 */
import type { Snapshot } from '../../../protocol/index';
import type { SimActions, SimState } from '../../../store/simStore';
import type { LessonShown } from '../link/lessonLink';
import type { EmbedSide, EmbedState } from './embedMessages';

function side(snap: Snapshot): EmbedSide {
  return {
    label: snap.label,
    pagetables_bytes: snap.memory.pagetablesBytes,
    vmpte_bytes: snap.totals.processPgtablesBytes,
    processes_alive: snap.totals.processes,
  };
}

/** What the frame shows now, as the host page reads it. */
export function embedState(s: SimState & SimActions, lesson: LessonShown | null): EmbedState {
  const shown = s.mode === 'compare' ? [s.snapshot, s.other] : [s.snapshot];
  return {
    step: s.step,
    steps: s.total,
    mode: s.mode,
    vs: s.vs,
    lesson: lesson?.lesson ?? null,
    slide: lesson?.slide ?? null,
    slides: lesson?.slides ?? null,
    playing: s.playing,
    speed: s.speed,
    sides: shown.filter((x): x is Snapshot => x !== null).map(side),
  };
}

/** Whether the step asked for is on screen on every side shown (compare waits for both). */
export function sidesDrawn(s: SimState & SimActions): boolean {
  if (s.snapshot === null || s.snapshot.step !== s.step || s.snapshot.loadId !== s.loadId) return false;
  return s.mode !== 'compare' || (s.other !== null && s.other.step === s.step && s.other.loadId === s.loadId);
}
