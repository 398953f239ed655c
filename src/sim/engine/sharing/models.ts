/**
 * Which sharing model a VMA follows, and every model for the points that
 * concern them all (fork, the end of an unmap). The syscalls import this file
 * only, so none of them knows which models exist.
 */
import type { Vma } from '../state';
import { hugetlb } from './hugetlb';
import type { SharingModel } from './model';
import { plain } from './plain';
import { ptshare } from './ptshare';
import { msharefs } from './msharefs';

export const MODELS: readonly SharingModel[] = [plain, ptshare, hugetlb, msharefs];

export function modelOf(vma: Vma): SharingModel {
  if (vma.mshare !== null) return msharefs;
  if (vma.obj.kind === 'hugetlb') return hugetlb;
  return vma.host !== null ? ptshare : plain;
}

export { eachSpan } from './model';
export { joinHost, planSharedPt } from './ptshare';
export { attachWindow, createRegion, mapObject, unlinkRegion } from './mshareRegion';
