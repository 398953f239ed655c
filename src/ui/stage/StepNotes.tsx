/**
 * What a reader must not miss in this step, in words above the diagram: a
 * failed syscall, a fatal signal or an OOM kill (red, with the word), and a
 * MAP_SHARED_PT request that quietly did not share (and why), in words built
 * from the events (viz/notes.ts). It floats over
 * the diagram's corner so that nothing below it moves from step to step.
 */
import { useMemo } from 'react';
import type { Side } from '../../protocol/messages';
import { selectOther, selectSnapshot } from '../../store/selectors';
import { stepNotes } from '../../viz/notes';
import { useSim } from '../common/SimProvider';

export function StepNotes({ side = 'main' }: { side?: Side }) {
  const snap = useSim(side === 'main' ? selectSnapshot : selectOther);
  const notes = useMemo(() => (snap === null ? [] : stepNotes(snap.events, snap.names)), [snap]);
  if (notes.length === 0) return null;
  return (
    <ul className="pointer-events-none absolute bottom-3 left-4 z-[1] max-w-[min(560px,90%)] space-y-1" data-testid={side === 'main' ? 'step-notes' : 'step-notes-other'}>
      {notes.slice(0, 4).map((n, i) => (
        <li
          key={i}
          className={`pointer-events-auto rounded-md border border-l-4 border-[var(--line)] bg-[var(--panel)] px-3 py-1.5 text-sm shadow-md ${n.alarm ? 'border-[var(--error)]' : 'border-[var(--shared)]'}`}
        >
          <strong className={n.alarm ? 'text-[var(--error)]' : 'text-[var(--shared)]'}>{n.label}:</strong> {n.text}
        </li>
      ))}
    </ul>
  );
}
