/**
 * What the MMU allows and what a fault writes (docs/ENGINE.md, "Entries and bits").
 */
import { A, D, NX, P, U, W, type Bits } from '../bits';
import type { Access } from '../commands';
import type { Vma } from './state';

/** Whether a populated leaf with these bits lets the access through without a fault. */
export function leafAllows(bits: Bits, access: Access): boolean {
  return (bits & P) !== 0 && (access === 'read' || (bits & W) !== 0);
}

/** Whether the VMA lets the fault handler serve the access (else SIGSEGV). */
export function vmaAllows(vma: Vma, access: Access): boolean {
  if (access === 'write') return vma.prot.write;
  return vma.prot.read || vma.prot.write || vma.prot.exec;
}

/** The leaf a fault writes: always P|U|A, NX without x, W|D on write, W on a shared writable read. */
export function faultBits(vma: Vma, access: Access, old: Bits): Bits {
  let b = P | U | A | (old & D);
  if (!vma.prot.exec) b |= NX;
  if (access === 'write') b |= W | D;
  else if (vma.shared && vma.prot.write) b |= W;
  return b;
}

/** The bits a touch leaves on a leaf that has `bits` (null: empty): hits stay (a write sets D), the rest faults. */
export function touchedBits(vma: Vma, access: Access, bits: Bits | null): Bits {
  if (bits === null) return faultBits(vma, access, 0);
  if (leafAllows(bits, access)) return access === 'write' ? bits | D : bits;
  return faultBits(vma, access, bits);
}

/** A touch as a leaf operation (touchedBits). */
class TouchRule {
  readonly fill: Bits;
  private readonly vma: Vma;
  private readonly access: Access;
  constructor(vma: Vma, access: Access) {
    this.vma = vma;
    this.access = access;
    this.fill = touchedBits(vma, access, null);
  }
  populated(bits: Bits): Bits {
    return touchedBits(this.vma, this.access, bits);
  }
}

export function touchRule(vma: Vma, access: Access): { populated(bits: Bits): Bits; fill: Bits } {
  return new TouchRule(vma, access);
}
