/**
 * A point of the scale explorer as a scenario the lab can step through and
 * compare: N processes map one file with MAP_SHARED_PT and read it (the
 * other side of the comparison drops `shared_pt`), on the explorer's RAM.
 */
import type { ScaleInput } from '../protocol/scale';
import { sizeText } from './sizes';

export function scaleScenario(input: ScaleInput, procs: number): string {
  const n = Math.max(1, Math.min(procs, input.procs));
  const who = n === 1 ? 'db1' : `db[1-${n}]`;
  const touch = input.touchBytes ?? input.sizeBytes;
  return [
    `# ${n.toLocaleString('en-US')} processes map a ${sizeText(input.sizeBytes)} file and read ${touch === input.sizeBytes ? 'all of it' : sizeText(touch)}`,
    `machine ram=${sizeText(input.ramBytes)}`,
    `file sga ${sizeText(input.sizeBytes)}`,
    `process ${who}`,
    `${who} mmap 0x7f0000000000 ${sizeText(input.sizeBytes)} rw shared,shared_pt sga`,
    `${who} touch 0x7f0000000000 ${sizeText(touch)} read`,
    '',
  ].join('\n');
}
