/**
 * The inspector's words: what a clicked table, mm or page is, who owns it,
 * who points at it, and why that matters, in plain sentences a student can
 * read aloud. Facts are label/value pairs; entries are in explainEntry.ts.
 */
import { tableSpan } from '../sim/geometry';
import type { MmSnap, Selection, Snapshot, TableSnap } from '../protocol/messages';
import { usedEntries } from './entries';
import { explainEntry } from './explainEntry';
import { addressRange, exactBytes, formatBytes, hex, levelName, nameList, plural } from './format';

export interface Fact {
  readonly label: string;
  readonly value: string;
  readonly mono?: boolean;
  /** Extra detail on hover (exact bytes). */
  readonly title?: string;
}

export interface Explanation {
  readonly title: string;
  readonly facts: readonly Fact[];
  readonly words: readonly string[];
  /** True when the subject is not on screen at this step. */
  readonly missing: boolean;
}

export function nameOf(snap: Snapshot, id: number): string {
  return snap.names[id] ?? `mm ${id}`;
}

/** How many processes hold a reference to a host: the folded counts of cards mapping its region. */
export function hostRefs(snap: Snapshot, host: number): number {
  return snap.mms.filter((m) => !m.isHost && m.vmas.some((v) => v.host === host)).reduce((n, m) => n + m.count, 0);
}

export function explain(snap: Snapshot, sel: Selection): Explanation {
  switch (sel.kind) {
    case 'table': {
      const t = snap.tables.find((x) => x.id === sel.id);
      return t === undefined ? gone(`Table ${sel.id}`) : explainTable(snap, t);
    }
    case 'entry': {
      const t = snap.tables.find((x) => x.id === sel.table);
      return t === undefined ? gone(`An entry of table ${sel.table}`) : explainEntry(snap, t, sel.index);
    }
    case 'mm': {
      const mm = snap.mms.find((m) => m.id === sel.id);
      return mm === undefined ? gone(nameOf(snap, sel.id)) : explainMm(snap, mm);
    }
    case 'page':
      return explainPage(snap, sel.file, sel.page);
  }
}

function gone(what: string): Explanation {
  return {
    title: what,
    facts: [],
    words: ['Not on screen at this step: it was freed, is not created yet, or lies outside the address window in view.'],
    missing: true,
  };
}

export function explainTable(snap: Snapshot, t: TableSnap): Explanation {
  const owner = snap.mms.find((m) => m.id === t.owner);
  const ownerName = nameOf(snap, t.owner);
  const level = levelName(t.level);
  const span = tableSpan(t.level);
  const others = t.referrers.filter((id) => id !== t.owner).map((id) => nameOf(snap, id));
  const otherCount = t.referrerCount - (t.referrers.includes(t.owner) ? 1 : 0);
  const words: string[] = [];
  if (owner?.isHost === true && t.level === 'pte') {
    words.push(`This PTE page belongs to the host mm of ${owner.hostOf ?? 'the file'}, which no process runs.`);
    words.push(
      otherCount === 0
        ? 'No process links to it right now.'
        : `${plural(otherCount, 'process', 'processes')}' PMD entries point at it: ${nameList(others, otherCount)}. A change here is seen by all of them.`,
    );
    words.push("It is charged to the host, so it appears in no process's VmPTE; the system's PageTables counts it once.");
  } else if (owner?.isHost === true) {
    words.push(`Part of the host mm of ${owner.hostOf ?? 'the file'}: the path from its PGD down to the shared PTE pages. Guests do not point here; they link at the PMD level.`);
  } else if (t.level === 'pgd') {
    words.push(`The top of ${ownerName}'s page table; every mm has exactly one. VmPTE (pgtables_bytes) leaves PGD pages out, the system's PageTables counts them.`);
  } else if (t.shared && otherCount > 0) {
    words.push(
      `This ${level} page is shared through hugetlb PMD sharing: the PUD entries of ${nameList([ownerName, ...others], otherCount + 1)} point at it.`,
      `Each of them is charged 4 KiB for it, so their VmPTE figures count it ${otherCount + 1} times while it exists once.`,
    );
  } else {
    const links = t.entries.filter((r) => r.kind === 'link').reduce((n, r) => n + r.hi - r.lo, 0);
    words.push(`${ownerName}'s own ${level} page, charged to ${ownerName} (4 KiB of its VmPTE).`);
    if (links > 0) {
      words.push(`${plural(links, 'entry', 'entries')} point into the host mm's PTE pages: links, not copies, so ${ownerName} pays nothing for those PTE pages.`);
    } else if (t.level === 'pte') {
      words.push(`Only ${ownerName}'s PMD entry points at it. Another process mapping the same file pages builds its own copy of this page.`);
    }
  }
  return {
    title: `${level} page of ${ownerName}`,
    facts: [
      { label: 'Covers', value: addressRange(t.va, t.va + span), mono: true, title: formatBytes(span) },
      { label: 'Entries used', value: `${usedEntries(t)} of 512` },
      { label: 'Charged to', value: ownerName },
      { label: 'Pointed at by', value: t.referrers.length === 0 ? 'nothing' : nameList(t.referrers.map((id) => nameOf(snap, id)), t.referrerCount) },
      { label: 'Table id', value: t.id, mono: true },
    ],
    words,
    missing: false,
  };
}

function explainMm(snap: Snapshot, mm: MmSnap): Explanation {
  const words: string[] = [];
  if (mm.isHost) {
    const refs = hostRefs(snap, mm.id);
    words.push(`The host mm of ${mm.hostOf ?? 'a file'}: it owns the shared PTE pages of the region and belongs to no process (no task runs it).`);
    words.push(`${plural(refs, 'process holds', 'processes hold')} a reference to it. When the last one unmaps or exits, the host and its tables are freed.`);
  } else {
    words.push(`VmPTE counts the PUD, PMD and PTE pages charged to ${mm.name}, not its PGD page.`);
    if (mm.count > 1) {
      words.push(`This card stands for ${plural(mm.count, 'process', 'processes')} (${mm.name} … ${mm.lastName}) with identical mappings, tables and counters; each pays what it shows.`);
    }
  }
  return {
    title: mm.isHost ? `${mm.name} (host mm · no task)` : mm.count > 1 ? `${mm.name} … ${mm.lastName}` : mm.name,
    facts: [
      { label: 'Tasks', value: mm.isHost ? 'none' : mm.tasks.join(', ') },
      { label: 'VmPTE', value: formatBytes(mm.pgtablesBytes), title: exactBytes(mm.pgtablesBytes) },
      { label: 'RSS', value: plural(mm.rssPages, 'page') },
      ...mm.vmas.map((v) => ({
        label: 'Mapping',
        value: `${hex(v.start)} +${formatBytes(v.end - v.start)} ${v.file}${v.host !== null ? ' (shared PT)' : ''}`,
        mono: true,
      })),
    ],
    words,
    missing: false,
  };
}

function explainPage(snap: Snapshot, file: string, page: number): Explanation {
  const f = snap.files.find((x) => x.name === file);
  const cached = f?.cached.some(([lo, hi]) => lo <= page && page < hi) ?? false;
  return {
    title: `Page ${page} of ${file}`,
    facts: [
      { label: 'File offset', value: hex(page * 4096), mono: true },
      { label: 'In the page cache', value: cached ? 'yes' : 'no' },
    ],
    words: [
      cached
        ? `One physical page: every process that maps offset ${hex(page * 4096)} of ${file} maps this same page. Sharing pages is old news; MAP_SHARED_PT shares the PTEs that point at them.`
        : 'Not read in yet: the first touch of it will fill it into the page cache.',
    ],
    missing: f === undefined,
  };
}
