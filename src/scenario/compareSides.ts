/**
 * The two sides of a comparison (SPEC 5 "Compare", 5.1 `vs`): the scenario as
 * written ("with MAP_SHARED_PT") and the same commands rewritten for the other
 * side, line for line, so both runs have the same steps and step together.
 *
 * - `baseline`: every `shared_pt` flag removed (the runner's --without-shared-pt).
 * - `hugetlb`: every file or memfd that a `shared_pt` mapping names becomes a
 *   hugetlbfs file of the same name and size, and `shared_pt` is dropped. A memfd
 *   becomes `file NAME SIZE hugetlb`, which is what memfd_create(MFD_HUGETLB)
 *   gives in Linux (a file on the internal hugetlbfs mount); the language has no
 *   hugetlb memfd, and the engine treats both alike. Anonymous `shared_pt`
 *   mappings only lose the flag (anonymous memory has no file to move).
 *   Mappings that are then invalid (an address or offset not 2 MiB aligned)
 *   are left as they are: the engine fails them with EINVAL, as Linux does.
 */
import { ANON_FILE, withoutSharedPt, type Command, type Located } from '../sim/commands';

/** Compare's other side, as in the `vs` link parameter. */
export type CompareVs = 'baseline' | 'hugetlb';

export const COMPARE_VS: readonly CompareVs[] = ['baseline', 'hugetlb'];

/** One side of a comparison: what to call it and what to run. */
export interface CompareSide {
  readonly label: string;
  readonly commands: readonly Located[];
}

export interface CompareSides {
  /** The scenario as written. */
  readonly with: CompareSide;
  /** The other side: no `shared_pt` (baseline) or hugetlb PMD sharing. */
  readonly without: CompareSide;
}

export const SIDE_LABELS: Readonly<Record<'with' | CompareVs, string>> = {
  with: 'with MAP_SHARED_PT',
  baseline: 'without sharing',
  hugetlb: 'hugetlb PMD sharing',
};

/** Names of the files and memfds that some `shared_pt` mapping uses. */
export function sharedPtFiles(commands: readonly Located[]): Set<string> {
  const names = new Set<string>();
  for (const { command: c } of commands) {
    if (c.op === 'mmap' && c.flags.sharedPt && c.file !== ANON_FILE) names.add(c.file);
  }
  return names;
}

/** The hugetlb side: shared_pt files moved to hugetlbfs, every shared_pt flag dropped. */
export function withHugetlbSharing(commands: readonly Located[]): Located[] {
  const moved = sharedPtFiles(commands);
  const onHugetlbfs = (c: Command): Command => {
    if ((c.op === 'file' || c.op === 'memfd') && moved.has(c.name)) {
      return { op: 'file', name: c.name, size: c.size, hugetlb: true };
    }
    return c;
  };
  return withoutSharedPt(commands).map((l) => {
    const command = onHugetlbfs(l.command);
    return command === l.command ? l : { line: l.line, command };
  });
}

/** Both sides of a comparison of these commands against `vs`, each with its label. */
export function compareSides(commands: readonly Located[], vs: CompareVs): CompareSides {
  const other = vs === 'baseline' ? withoutSharedPt(commands) : withHugetlbSharing(commands);
  return {
    with: { label: SIDE_LABELS.with, commands },
    without: { label: SIDE_LABELS[vs], commands: other },
  };
}

/** Reads a `vs` value (link parameter or command-line option); null when it is not one. */
export function parseCompareVs(text: string): CompareVs | null {
  return (COMPARE_VS as readonly string[]).includes(text) ? (text as CompareVs) : null;
}
