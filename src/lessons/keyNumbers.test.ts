// One named test per lesson pinning the numbers its slides and questions show,
// so CI fails when a change in the engine or a scenario moves a number under a slide.
import { describe, expect, it } from 'vitest';
import { parse } from '../scenario/parser';
import { createEngine } from '../sim/engine/engine';
import { lessonById } from './index';
import { resolveLesson } from './resolve';
import type { ResolvedLesson, Value } from './types';

function run(id: string): ResolvedLesson {
  const lesson = lessonById(id);
  if (lesson === null) throw new Error(`no lesson ${id}`);
  const r = resolveLesson(lesson);
  expect(r.problems).toEqual([]);
  return r;
}

/** The answers of a lesson's questions, in slide order. */
function answers(r: ResolvedLesson): Value[] {
  return r.slides.flatMap((s) => (s.predict === undefined ? [] : [s.predict.value]));
}

/** The filled text of the slide with this title. */
function text(r: ResolvedLesson, title: string): string {
  const s = r.slides.find((x) => x.title === title);
  if (s === undefined) throw new Error(`no slide '${title}'`);
  return s.text;
}

describe('key numbers of each lesson', { timeout: 60_000 }, () => {
  it('walk: one touch builds PUD, PMD and PTE pages (12 KiB); the neighbour adds no table', () => {
    const r = run('walk');
    expect(answers(r)).toEqual([12288, 1]);
    expect(text(r, 'A process starts with one table')).toContain('4 KiB of page tables');
    expect(text(r, 'The neighbour is cheap')).toContain('2 pages');
  });

  it('threads: a thread and its process show the same 12 KiB; another process is not shared', () => {
    const r = run('threads');
    expect(answers(r)).toEqual([12288, 'not shared']);
    expect(text(r, 'A process builds its own')).toContain('32 KiB of page tables');
  });

  it('cost: 2000 processes x one page = 16,000 bytes of PTEs, 24,576,000 bytes of table pages', () => {
    const r = run('cost');
    expect(answers(r)).toEqual([16_000, 24_576_000]);
    expect(text(r, 'Every reader pays')).toContain('16,000 bytes of PTEs');
    expect(text(r, 'Mapped, not yet touched')).toContain('0 bytes');
  });

  it('sga-story: 1500 x 300 GiB needs 878.9 GiB (943,718,400,000 bytes) of PTE pages; OOM on 512 GiB', () => {
    const r = run('sga-story');
    expect(answers(r)).toEqual([(153_600 + 300 + 1) * 4096, 943_718_400_000]);
    expect(text(r, 'Times 1,500')).toContain('878.9 GiB (943,718,400,000 bytes)');
    expect(text(r, 'One client touches everything')).toContain('153,600 PTE pages, 600 MiB, plus 300 PMD pages');
    const oom = text(r, 'Out of memory');
    const killed = Number(/([\d,]+) clients killed/.exec(oom)?.[1]?.replace(/,/g, ''));
    expect(killed).toBeGreaterThan(1000);
    expect(oom).toContain(`${(1500 - killed).toLocaleString('en-US')} still running`);
    expect(r.slides.at(-1)?.view).toEqual({ mode: 'scale', procs: 1500, size: '300G', ram: '512G' });
  });

  it('sga-story: every step of its scenario runs well under a second', () => {
    const lesson = lessonById('sga-story');
    const parsed = parse(lesson?.scenario ?? '');
    if (!parsed.ok) throw new Error('parse');
    const engine = createEngine();
    let slowest = 0;
    for (const cmd of parsed.commands) {
      const t0 = performance.now();
      engine.step(cmd);
      slowest = Math.max(slowest, performance.now() - t0);
    }
    expect(slowest).toBeLessThan(500);
  });

  it('map-shared-pt: B joins the host and pays only its PUD and PMD (8 KiB)', () => {
    const r = run('map-shared-pt');
    expect(answers(r)).toEqual(['shared', 8192]);
    expect(text(r, 'A host fault, then a link fault')).toContain('(8 KiB, charged to A)');
    expect(text(r, 'A host fault, then a link fault')).toContain('(12 KiB, charged to the host)');
    expect(r.slides.some((s) => s.view?.mode === 'compare' && s.view.vs === 'baseline')).toBe(true);
  });

  it('mprotect: one sharer makes the PTE read-only for all; the hazard lets B write; DONTNEED empties B', () => {
    const r = run('mprotect');
    expect(answers(r)).toEqual(['read-only', 'no error', 0]);
    expect(text(r, 'A writes anyway')).toContain('For B too: writable');
  });

  it('teardown: exit keeps the host 16 KiB, partial munmap is EINVAL, the last reference frees everything', () => {
    const r = run('teardown');
    expect(answers(r)).toEqual([16384, 'EINVAL', 4096]);
    expect(text(r, 'A fork takes a reference')).toContain('3 now');
    expect(text(r, 'The last reference')).toContain('(0 bytes left)');
  });

  it('hugetlb: a different address shares the PMD page; MAP_SHARED_PT at a different address does not', () => {
    const r = run('hugetlb');
    expect(answers(r)).toEqual(['shared', 'not shared']);
    expect(text(r, 'The first process')).toContain('8 KiB, and 0 PTE pages');
    expect(text(r, 'The proposal\'s same-address rule')).toContain('512 PTE pages');
    expect(r.slides.some((s) => s.view?.mode === 'compare' && s.view.vs === 'hugetlb')).toBe(true);
  });

  it('abc: C shares nothing and pays most (24 KiB); A and B 8 KiB each; host 16 KiB', () => {
    const r = run('abc');
    expect(answers(r)).toEqual(['not shared', 'C']);
    expect(text(r, 'Who pays')).toBe(
      'Everyone has read everything. A: 8 KiB, B: 8 KiB, both PUD and PMD only. C: 24 KiB, its own PUD, PMD and 4 PTE pages. The host: 16 KiB.',
    );
    expect(text(r, 'Pages shared, tables not')).toContain('72 KiB of page tables');
  });

  it('aslr: two kernel-chosen addresses give one reference and a 12 KiB private B; an agreed address shares', () => {
    const r = run('aslr');
    expect(answers(r)).toEqual(['1', 12288]);
    expect(text(r, 'Agree on an address')).toContain('shared, 2 references');
  });

  it('memfd: a memfd shares; anonymous memory is silently not shared and costs A 20 KiB', () => {
    const r = run('memfd');
    expect(answers(r)).toEqual(['shared', 'no error']);
    expect(text(r, 'Anonymous memory does not')).toContain('not shared');
    expect(text(r, 'Paid in full')).toContain('20 KiB');
  });

  it('msharefs: 2023 at another address is not shared (B 12 KiB); a 2025 window anywhere is, and its sharers pay 0 bytes', () => {
    const r = run('msharefs');
    expect(answers(r)).toEqual(['shared', 0, 'EINVAL']);
    expect(text(r, '2023: the same address, or nothing')).toContain('B is not shared. After one read each, A pays 8 KiB (its PUD and PMD pages), the host 12 KiB, and B 12 KiB');
    expect(text(r, '2025: a region is a file')).toContain('Its tables so far: 0 bytes.');
    expect(text(r, 'Any address')).toContain('the region has 2 references');
    const linked = text(r, 'A link fault one level up');
    expect(linked).toContain('12 KiB in all, charged to the host');
    expect(linked).toContain('(1 page mapped). A pays 0 bytes, B 0 bytes.');
    expect(text(r, 'Between objects: nothing')).toContain('SIGSEGV');
    expect(text(r, 'Between objects: nothing')).toContain('1 reference left');
    expect(text(r, 'Nobody attached, the host stays')).toContain('0 references');
    expect(text(r, 'Nobody attached, the host stays')).toContain('(12 KiB)');
    expect(text(r, 'Unlink frees it')).toContain('0 bytes of page tables left');
    expect(text(r, 'Unlink frees it')).toContain('(proposed, 2026; no patches seen)');
  });

  it('msharefs: every step of its scenario runs well under 100 ms', () => {
    const parsed = parse(lessonById('msharefs')?.scenario ?? '');
    if (!parsed.ok) throw new Error('parse');
    const engine = createEngine();
    let slowest = 0;
    for (const cmd of parsed.commands) {
      const t0 = performance.now();
      engine.step(cmd);
      slowest = Math.max(slowest, performance.now() - t0);
    }
    expect(slowest).toBeLessThan(100);
  });
});
