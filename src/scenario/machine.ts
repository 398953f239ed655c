/**
 * The `machine` line (SPEC 2: ram, seed, pt_reclaim, fidelity, mshare_align,
 * an impossible machine refused) and the msharefs region lines `NAME map ...`
 * and `NAME unmap ...`: the parts of the grammar with options of their own.
 */
import type { Command, Fidelity, Prot } from '../sim/commands';
import { ANON_FILE, DEFAULT_RAM, DEFAULT_SEED } from '../sim/commands';
import { Args, fileNames } from './args';
import { excerpt, LineError, quoted } from './errors';
import type { Token } from './tokens';
import { isName, readProt } from './words';

const REGION_USAGE = {
  map: 'NAME map OFFSET LEN FILE|- [FILE_OFFSET] [PROT]',
  unmap: 'NAME unmap OFFSET LEN',
} as const;

/** `NAME map OFFSET LEN FILE|- [FILE_OFFSET] [PROT]` and `NAME unmap OFFSET LEN`. */
export function readRegionCommand(verb: 'map' | 'unmap', tokens: readonly Token[]): Command[] {
  const regions = fileNames(tokens[0] as Token);
  const args = new Args(tokens, REGION_USAGE[verb], 2);
  const offset = args.size('OFFSET');
  const len = args.size('LEN');
  if (verb === 'unmap') {
    args.end();
    return regions.map((region): Command => ({ op: 'mshare_unmap', region, offset, len }));
  }
  const fileToken = args.next('FILE');
  if (fileToken.text !== ANON_FILE && !isName(fileToken.text)) throw new LineError(fileToken.column, `bad file name ${quoted(fileToken.text)}: expected a NAME or - for anonymous memory`);
  let fileOffset = 0;
  let prot: Prot = { read: true, write: true, exec: false };
  if (args.peek() !== undefined && /^[0-9]/.test(args.peek()!.text)) fileOffset = args.size('FILE_OFFSET');
  const protToken = args.peek();
  if (protToken !== undefined) {
    args.next('PROT');
    const p = readProt(protToken.text);
    if (typeof p === 'string') throw new LineError(protToken.column, p);
    prot = p;
  }
  args.end();
  return regions.map((region): Command => ({ op: 'mshare_map', region, offset, len, file: fileToken.text, fileOffset, prot }));
}

export function readMachine(args: Args): Command {
  const seen = new Set<string>();
  let ram = DEFAULT_RAM;
  let seed = DEFAULT_SEED;
  let ptReclaim = false;
  const extra: { fidelity?: Fidelity; mshareAlign?: number } = {};
  for (let token = args.peek(); token !== undefined; token = args.peek()) {
    args.next('option');
    const eq = token.text.indexOf('=');
    const key = eq < 0 ? token.text : token.text.slice(0, eq);
    const value: Token = { text: token.text.slice(eq + 1), column: token.column + eq + 1 };
    if (eq < 0 || !['ram', 'seed', 'pt_reclaim', 'fidelity', 'mshare_align'].includes(key)) {
      throw new LineError(token.column, `unknown machine option ${quoted(token.text)} (usage: ${args.usage})`);
    }
    if (seen.has(key)) throw new LineError(token.column, `machine option ${key}= given twice`);
    seen.add(key);
    if (key === 'ram') ram = ramArg(value);
    else if (key === 'seed') seed = seedArg(value);
    else if (key === 'fidelity') {
      if (value.text !== 'described' && value.text !== 'as_posted') throw new LineError(value.column, `fidelity must be described or as_posted, got ${quoted(value.text)}`);
      extra.fidelity = value.text;
    } else if (key === 'mshare_align') extra.mshareAlign = alignArg(value);
    else if (value.text === 'on' || value.text === 'off') ptReclaim = value.text === 'on';
    else throw new LineError(value.column, `pt_reclaim must be on or off, got ${quoted(value.text)}`);
  }
  return { op: 'machine', ram, seed, ptReclaim, ...extra };
}

/** The least RAM a machine can have: one process's first tables, PGD, PUD, PMD and PTE pages. */
export const MIN_RAM = 4 * 4096;

/** An impossible machine is a mistake in the scenario, not an out-of-memory story. */
function ramArg(token: Token): number {
  const ram = sizeArg(token);
  if (ram < MIN_RAM) {
    throw new LineError(token.column, `ram=${excerpt(token.text)} cannot hold one process's first tables (PGD, PUD, PMD and PTE pages): at least 16K`);
  }
  return ram;
}

/** msharefs's alignment: the lab pages in four levels, so whole PGD entries (512 GiB). */
function alignArg(token: Token): number {
  const align = sizeArg(token);
  if (align === 0 || align % 2 ** 39 !== 0) throw new LineError(token.column, `mshare_align must be a multiple of 512G (one PGD entry), got ${quoted(token.text)}`);
  return align;
}

function sizeArg(token: Token): number {
  return new Args([token], '', 0).size('SIZE');
}

/** The seed feeds a 32-bit generator: larger values would silently alias smaller ones. */
function seedArg(token: Token): number {
  if (/^(?:0[xX][0-9a-fA-F_]+|[0-9_]+)$/.test(token.text)) {
    const seed = sizeArg(token);
    if (seed <= 0xffff_ffff) return seed;
  }
  throw new LineError(token.column, `seed must be a whole number from 0 to 4294967295, got ${quoted(token.text)}`);
}

