/**
 * The inspector's words for one entry of a table: the addresses it covers,
 * its bits spelled out, where it points, and what sharing means for it.
 */
import { A, D, NX, P, W, bitsText, has } from '../sim/bits';
import { entrySpan } from '../sim/geometry';
import type { Snapshot, TableSnap } from '../protocol/messages';
import type { Explanation, Fact } from './explain';
import { runAt } from './entries';
import { addressRange, formatBytes, hex, levelName } from './format';

/** What each set bit means, in words. */
export function bitWords(bits: number): string {
  const parts = [
    has(bits, P) ? 'present' : 'not present (PROT_NONE: any access faults)',
    has(bits, W) ? 'writable' : 'read-only (a write faults)',
    has(bits, A) ? 'accessed' : null,
    has(bits, D) ? 'dirty (written since it was mapped)' : 'clean',
    has(bits, NX) ? 'no-execute' : 'executable',
  ];
  return parts.filter((p) => p !== null).join(', ');
}

function names(snap: Snapshot, id: number): string {
  return snap.names[id] ?? `mm ${id}`;
}

export function explainEntry(snap: Snapshot, t: TableSnap, index: number): Explanation {
  const span = entrySpan(t.level);
  const va = t.va + index * span;
  const run = runAt(t, index);
  const owner = names(snap, t.owner);
  const facts: Fact[] = [
    { label: 'Covers', value: addressRange(va, va + span), mono: true, title: formatBytes(span) },
    { label: 'In', value: `${levelName(t.level)} page of ${owner}` },
  ];
  const words: string[] = [];
  const sharers = t.referrerCount - 1;
  if (run === null) {
    words.push('Empty. An access here faults: the kernel walks down, allocates any missing table and fills this entry in.');
  } else if (run.kind === 'leaf') {
    const page = run.page0 + (index - run.lo) * run.pagesPerEntry;
    facts.push({ label: 'Bits', value: bitsText(run.bits), mono: true });
    facts.push({ label: 'Maps', value: run.pagesPerEntry > 1 ? `${run.file} pages ${page}–${page + run.pagesPerEntry - 1}` : `${run.file} page ${page}` });
    words.push(`Maps ${run.pagesPerEntry > 1 ? `a 2 MiB huge page of ${run.file}` : `page ${page} of ${run.file}`}: ${bitWords(run.bits)}.`);
    if (t.shared && sharers > 0) {
      words.push(`This entry lives in a shared page that ${sharers === 1 ? '1 other mm reaches' : `${sharers} other mms reach`}: they all see these bits, so an mprotect or a write fault by one of them changes them for everyone.`);
    }
  } else if (run.kind === 'link') {
    facts.push({ label: 'Points at', value: `PTE page of ${names(snap, run.host)}`, mono: false });
    words.push(
      `A link: this PMD entry points at the host mm's PTE page instead of a PTE page of ${owner}'s own. The host's PTEs translate ${hex(va)}… for ${owner}, and ${owner} is not charged for them.`,
    );
  } else if (run.kind === 'shared') {
    facts.push({ label: 'Points at', value: `shared PMD page ${run.target}`, mono: true });
    words.push('Points at a PMD page that other processes use too (hugetlb PMD sharing): no private PMD page was allocated for this 1 GiB.');
  } else {
    words.push(`Points at ${owner}'s own ${t.level === 'pgd' ? 'PUD' : t.level === 'pud' ? 'PMD' : 'PTE'} page for this range.`);
  }
  return { title: `${levelName(t.level)} entry ${index} of ${owner}`, facts, words, missing: false };
}
