/**
 * What a reader must not miss in this step, in words above the diagram: a
 * failed syscall, a fatal signal or an OOM kill (red, with the word), and a
 * MAP_SHARED_PT request that quietly did not share (and why). It floats over
 * the diagram's corner so that nothing below it moves from step to step.
 */
import { selectSnapshot } from '../../store/selectors';
import { hex } from '../../viz/format';
import { useSim } from '../common/SimProvider';

export function StepNotes() {
  const snap = useSim(selectSnapshot);
  if (snap === null) return null;
  const notes = snap.events.flatMap((e, i) => {
    const text = snap.trace[i] ?? '';
    if (e.k === 'oom') return [{ alarm: true, label: 'OOM kill', text: text.replace(/^oom\s+/, '') }];
    if (e.k === 'error') return [{ alarm: true, label: 'Error', text: text.replace(/^error\s+/, '') }];
    if (e.k === 'signal') return [{ alarm: true, label: e.signal, text: text.replace(/^signal\s+/, '') }];
    if (e.k === 'mmap' && e.notShared !== null) {
      return [{ alarm: false, label: 'Not shared', text: `${snap.names[e.mm] ?? 'this process'}'s mapping at ${hex(e.va)} gets its own page tables: ${e.notShared}.` }];
    }
    return [];
  });
  if (notes.length === 0) return null;
  return (
    <ul className="pointer-events-none absolute bottom-3 left-4 z-[1] max-w-[min(560px,90%)] space-y-1" data-testid="step-notes">
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
