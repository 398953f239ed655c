/**
 * Named, narrow reads of the store: a component subscribes to the slice it
 * draws, so a new snapshot does not re-render the editor and typing does not
 * re-render the diagram.
 */
import type { Snapshot } from '../protocol/index';
import type { SimActions, SimState } from './simStore';

type S = SimState & SimActions;

export const selectSnapshot = (s: S): Snapshot | null => s.snapshot;
export const selectStep = (s: S): number => s.step;
export const selectTotal = (s: S): number => s.total;
export const selectRan = (s: S): number => s.ran;
export const selectKinds = (s: S): Uint8Array => s.kinds;
export const selectLines = (s: S): Uint32Array => s.lines;
export const selectPlaying = (s: S): boolean => s.playing;
export const selectSpeed = (s: S): number => s.speed;
export const selectMotion = (s: S): SimState['motion'] => s.motion;
export const selectLastMove = (s: S): SimState['lastMove'] => s.lastMove;
export const selectText = (s: S): string => s.text;
export const selectLoadedText = (s: S): string => s.loadedText;
export const selectParseError = (s: S): SimState['parseError'] => s.parseError;
export const selectStatus = (s: S): SimState['status'] => s.status;
export const selectSelection = (s: S): SimState['selection'] => s.selection;
export const selectSelectionSide = (s: S): SimState['selectionSide'] => s.selectionSide;
export const selectMode = (s: S): SimState['mode'] => s.mode;
export const selectVs = (s: S): SimState['vs'] => s.vs;
export const selectOther = (s: S): Snapshot | null => s.other;
export const selectScale = (s: S): SimState['scale'] => s.scale;

/** The snapshot the selection belongs to: compare's other side when it was made there. */
export const selectSelectedSnapshot = (s: S): Snapshot | null => (s.selectionSide === 'other' && s.mode === 'compare' ? s.other : s.snapshot);
export const selectFailure = (s: S): string | null => s.failure;
export const selectNotice = (s: S): string | null => s.notice;
export const selectWindow = (s: S): SimState['window'] => s.window;

/** The scenario line of the step on screen, for the editor's marker. */
export const selectCurrentLine = (s: S): number | null => s.snapshot?.line ?? null;

/** Whether the text in the editor differs from the scenario on screen. */
export const selectDirty = (s: S): boolean => s.text !== s.loadedText;


export const selectLesson = (s: S): SimState['lesson'] => s.lesson;
export const selectPresenting = (s: S): boolean => s.presenting;
export const selectPicking = (s: S): boolean => s.picking;
