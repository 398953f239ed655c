/**
 * The printer: commands back to scenario text, one line per command, in the
 * form the parser reads (parse(print(x)) gives x back). The editor uses it to
 * show expanded commands, the CLI to label each step of the trace.
 */
import type { Command, Located } from '../sim/commands';
import { DEFAULT_RAM, DEFAULT_SEED, protString } from '../sim/commands';
import { addrExprText, sizeText } from './numbers';
import { flagsText } from './words';

/** One command as a scenario line. */
export function printCommand(c: Command): string {
  switch (c.op) {
    case 'machine': {
      const options = [
        c.ram === DEFAULT_RAM ? '' : `ram=${sizeText(c.ram)}`,
        c.seed === DEFAULT_SEED ? '' : `seed=${c.seed}`,
        c.ptReclaim ? 'pt_reclaim=on' : '',
        c.fidelity === undefined ? '' : `fidelity=${c.fidelity}`,
        c.mshareAlign === undefined ? '' : `mshare_align=${sizeText(c.mshareAlign)}`,
      ];
      return words('machine', ...options);
    }
    case 'file':
      return words('file', c.name, sizeText(c.size), c.hugetlb ? 'hugetlb' : '');
    case 'memfd':
      return words('memfd', c.name, sizeText(c.size));
    case 'process':
      return words('process', c.name);
    case 'thread':
      return words('thread', c.parent, c.name);
    case 'fork':
      return words('fork', c.parent, c.child);
    case 'mmap':
      return words(
        c.task,
        'mmap',
        c.addr === null ? 'auto' : addrExprText(c.addr),
        sizeText(c.len),
        protString(c.prot),
        flagsText(c.flags),
        c.file,
        c.offset === 0 ? '' : sizeText(c.offset),
        c.as === null ? '' : `as=${c.as}`,
      );
    case 'touch':
      return words(c.task, 'touch', addrExprText(c.addr), c.len === null ? '' : sizeText(c.len), c.access);
    case 'mprotect':
      return words(c.task, 'mprotect', addrExprText(c.addr), sizeText(c.len), protString(c.prot));
    case 'madvise':
      return words(c.task, 'madvise', addrExprText(c.addr), sizeText(c.len), c.advice);
    case 'munmap':
      return words(c.task, 'munmap', addrExprText(c.addr), sizeText(c.len));
    case 'exit':
      return words(c.task, 'exit');
    case 'mshare':
      return words('mshare', c.name, sizeText(c.size));
    case 'mshare_map': {
      const rw = c.prot.read && c.prot.write && !c.prot.exec;
      const off = c.fileOffset !== 0 || !rw ? sizeText(c.fileOffset) : '';
      return words(c.region, 'map', sizeText(c.offset), sizeText(c.len), c.file, off, rw ? '' : protString(c.prot));
    }
    case 'mshare_unmap':
      return words(c.region, 'unmap', sizeText(c.offset), sizeText(c.len));
    case 'unlink':
      return words('unlink', c.name);
  }
}

function words(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** A whole scenario, one line per command (line numbers are not kept). */
export function print(commands: readonly Located[]): string {
  return commands.map((c) => printCommand(c.command) + '\n').join('');
}
