/**
 * The earlier versions of the scenario this browser kept (storage.ts's
 * backup slots, newest first), one choice away: choosing one puts it in the
 * editor, and the text it replaces is set aside for "Restore my text".
 */
import { useMemo, useState } from 'react';
import { BACKUP_KEY, loadSlots, save } from '../platform/storage';

/** "12 lines: file sga 4M" — enough to tell versions apart. */
export function versionLabel(text: string, index: number): string {
  const lines = text.split('\n');
  const first = lines.map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#')) ?? '(only comments)';
  const n = lines.length;
  return `${index === 0 ? 'Latest' : `${index + 1} back`}: ${n.toLocaleString('en-US')} ${n === 1 ? 'line' : 'lines'}, ${first.length > 40 ? `${first.slice(0, 39)}…` : first}`;
}

export function EarlierVersions({ text, onChoose }: { text: string; onChoose: (text: string) => void }) {
  const [slots, setSlots] = useState<string[]>(() => loadSlots());
  // Labels are made once per reading of the slots, not per keystroke (a slot may hold 100,000 lines).
  const labels = useMemo(() => slots.map(versionLabel), [slots]);
  const choices = slots.map((s, i) => ({ s, label: labels[i] ?? '' })).filter((c) => c.s !== text);
  if (choices.length === 0) return null;
  return (
    <select
      aria-label="Open an earlier version of the scenario"
      className="focus-ring max-w-56 rounded-md border border-[var(--line)] bg-[var(--panel)] px-2 py-1 text-xs"
      value=""
      onFocus={() => setSlots(loadSlots())}
      onChange={(e) => {
        const chosen = choices[Number(e.target.value)];
        if (chosen === undefined) return;
        save(BACKUP_KEY, text);
        onChoose(chosen.s);
      }}
    >
      <option value="">Earlier versions…</option>
      {choices.map((c, i) => (
        <option key={i} value={i}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
