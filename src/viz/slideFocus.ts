/**
 * What a lesson slide asks the reader to look at, as a selection on the
 * diagram: a process by name, a table by its owner, level and address, or
 * the host page a guest's link reaches (a MAP_SHARED_PT host's PTE page, or the
 * PUD page of an msharefs host that a window's PGD entry points at). A lesson
 * names a host `host:FILE` for both models; an msharefs host's mm is called
 * `mshare:FILE`. Null when the step on screen has no such thing (the slide then
 * simply highlights nothing).
 */
import { tableSpan } from '../sim/geometry';
import type { ResolvedSlide, Selection, Snapshot } from '../protocol/messages';

type Focus = NonNullable<ResolvedSlide['focus']>;

function mmByName(snap: Snapshot, name: string) {
  const region = name.startsWith('host:') ? `mshare:${name.slice('host:'.length)}` : null;
  return snap.mms.find((m) => m.name === name || (region !== null && m.isHost && m.name === region) || m.tasks.includes(name) || (m.count > 1 && m.members.length > 0 && snap.names[m.members[0] ?? -1] === name));
}

export function focusSelection(snap: Snapshot, focus: Focus): Selection | null {
  switch (focus.kind) {
    case 'mm': {
      const mm = mmByName(snap, focus.name);
      return mm === undefined ? null : { kind: 'mm', id: mm.id };
    }
    case 'table': {
      const mm = mmByName(snap, focus.mm);
      if (mm === undefined) return null;
      const t = snap.tables.find((x) => x.level === focus.level && x.va <= focus.va && focus.va < x.va + tableSpan(x.level) && (mm.tables.includes(x.id) || mm.borrowed.includes(x.id)));
      return t === undefined ? null : { kind: 'table', id: t.id };
    }
    case 'link': {
      const mm = mmByName(snap, focus.from);
      if (mm === undefined) return null;
      for (const id of mm.tables) {
        const t = snap.tables.find((x) => x.id === id);
        const run = t?.entries.find((r) => r.kind === 'link' || (r.kind === 'shared' && r.host !== undefined));
        if (run?.kind === 'link') return { kind: 'table', id: `${run.parent}/${run.lo}` };
        if (run?.kind === 'shared') return { kind: 'table', id: run.target };
      }
      return null;
    }
  }
}
