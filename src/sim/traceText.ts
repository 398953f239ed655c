/**
 * One step's trace as text for a kernel engineer: the text view of the app
 * and the headless runner both print it. One line per event, a fixed-width
 * verb first so a column of events reads like a log.
 */
import { foldNames } from './nameList';
import { bitsText } from './bits';
import type { MmId, TraceEvent } from './events';
import { entrySpan, formatBytes, hex, PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, type Level } from './geometry';

/** Names an mm for a reader: the process's name, or `host:FILE`. */
export type MmNamer = (mm: MmId) => string;

function verb(word: string, rest: string): string {
  return word.padEnd(8) + rest;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A table level as the kernel names it: PTE, PMD, PUD, PGD. */
function level(l: Level): string {
  return l.toUpperCase();
}

/** [va, va+len) as start..end, end exclusive. */
function range(va: number, len: number): string {
  return `${hex(va)}..${hex(va + len)}`;
}

/** `count` leaf entries of a level in a range. */
function entries(l: Level, len: number): string {
  return plural(Math.ceil(len / entrySpan(l)), `${level(l)} entry`, `${level(l)} entries`);
}

/** The mms' names; a long list folds ("db1 … db1500 (1,500)"). */
function names(mms: readonly MmId[], mmName: MmNamer): string {
  return foldNames(mms.map(mmName));
}

/** One event as one line. */
export function eventText(e: TraceEvent, mmName: MmNamer): string {
  switch (e.k) {
    case 'task': {
      const how = e.how === 'process' ? 'process, new mm' : e.how === 'thread' ? `thread of ${e.parent ?? '?'}, shares its mm` : `fork of ${e.parent ?? '?'}, new mm with copied VMAs`;
      return verb('task', `${e.task} created (${how})`);
    }
    case 'mmap': {
      const sharing =
        e.notShared !== null
          ? `not shared: ${e.notShared}`
          : e.sharing === 'shared_pt'
            ? 'MAP_SHARED_PT, tables shared through the host'
            : e.sharing === 'msharefs'
            ? 'msharefs window: its PGD entries link to the region host'
          : e.sharing === 'hugetlb'
              ? 'hugetlb, PMD pages shareable'
              : 'own page tables';
      return verb('mmap', `${mmName(e.mm)} ${hex(e.va)} +${formatBytes(e.len)} ${e.file} (${sharing})`);
    }
    case 'error':
      return verb('error', `${e.errno}: ${e.message}`);
    case 'signal':
      return verb('signal', `${e.task} ${e.signal} at ${hex(e.va)}: ${e.reason}`);
    case 'oom': {
      const what = e.need === 'page' ? 'a file page' : `a ${level(e.need)} page`;
      return verb(
        'oom',
        `${e.task} killed: could not allocate ${what} for ${hex(e.va)} (page tables ${formatBytes(e.pagetablesBytes)}, file pages ${formatBytes(e.fileBytes)})`,
      );
    }
    case 'exit':
      return verb('exit', `${e.task}${e.lastTask ? ' (last task: mm torn down)' : ` (mm ${mmName(e.mm)} kept by its other tasks)`}`);
    case 'host_release':
      return verb('release', `${mmName(e.host)}: last reference gone, host mm of ${e.file} torn down`);
    case 'host_create':
      return verb('host', `${mmName(e.host)} created for ${e.file}, region ${hex(e.va)} +${formatBytes(e.len)}`);
    case 'host_ref':
      return verb('ref', `${mmName(e.mm)} → ${mmName(e.host)} (refcount ${e.refcount})`);
    case 'host_unref':
      return verb('unref', `${mmName(e.mm)} ✕ ${mmName(e.host)} (refcount ${e.refcount})`);
    case 'walk': {
      const where =
        e.stop === 'hit'
          ? 'leaf present and allows the access: no fault'
          : e.stop === 'deny'
            ? 'leaf present but does not allow the access: fault'
            : `${level(e.stop)} entry empty: fault`;
      return verb('walk', `${mmName(e.mm)} ${hex(e.va)}: ${where}`);
    }
    case 'fault': {
      const count =
        e.kind === 'link'
          ? e.len >= PGDIR_SIZE
            ? `${Math.ceil(e.len / PGDIR_SIZE)} × 512 GiB, PGD level`
            : `${Math.ceil(e.len / PMD_SIZE)} × 2 MiB`
          : e.kind === 'hugetlb'
            ? plural(Math.ceil(e.len / PMD_SIZE), 'huge page')
            : plural(Math.ceil(e.len / PAGE_SIZE), 'page');
      const kind = e.kind === 'normal' ? '' : `, ${e.kind} fault`;
      return verb('fault', `${mmName(e.mm)} ${hex(e.va)} +${formatBytes(e.len)} ${e.access}${kind} (${count})`);
    }
    case 'alloc':
      return verb('alloc', `${mmName(e.mm)} ${level(e.level)} ×${e.count} at ${hex(e.va)} (charged to ${mmName(e.charged)})`);
    case 'fill':
      return verb('fill', `${e.file} pages ${e.page}..${e.page + e.count - 1} into the page cache (${formatBytes(e.count * PAGE_SIZE)})`);
    case 'link':
      return verb('link', `${mmName(e.mm)} ${e.level === 'pgd' ? 'PGD entries' : 'PMD entries'} ${range(e.va, e.len)} → ${mmName(e.host)}`);
    case 'share':
      return verb('share', `${mmName(e.mm)} PUD entries ${range(e.va, e.len)} → PMD pages of ${mmName(e.from)}`);
    case 'set':
      return verb('set', `${mmName(e.mm)} ${entries(e.level, e.len)} ${range(e.va, e.len)} = ${bitsText(e.bits) || '0'}`);
    case 'prot':
      return verb(
        'prot',
        `${mmName(e.mm)} ${entries(e.level, e.len)} ${range(e.va, e.len)} = ${bitsText(e.bits) || '0'}, seen by ${names(e.seenBy, mmName)}`,
      );
    case 'clear':
      return verb('clear', `${mmName(e.mm)} ${entries(e.level, e.len)} ${range(e.va, e.len)}, seen by ${names(e.seenBy, mmName)}`);
    case 'unlink':
      return verb('unlink', `${mmName(e.mm)} ${e.level === 'pgd' ? 'PGD entries' : 'PMD entries'} ${range(e.va, e.len)} ✕ ${mmName(e.host)}`);
    case 'unshare':
      return verb('unshare', `${mmName(e.mm)} PUD entries ${range(e.va, e.len)} (shared PMD pages stay for their other users)`);
    case 'tlb':
      return verb('tlb', `flush ${names(e.mms, mmName)} ${range(e.va, e.len)}`);
    case 'free':
      return verb('free', `${mmName(e.mm)} ${level(e.level)} ×${e.count} at ${hex(e.va)}`);
  }
}

/** A step's events as lines, in trace order. */
export function traceText(events: readonly TraceEvent[], mmName: MmNamer): string[] {
  return events.map((e) => eventText(e, mmName));
}
