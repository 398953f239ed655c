// The template language of slide texts: its forms, its formats and its errors.
import { describe, expect, it } from 'vitest';
import { parseTemplate, formatValue, parseExpr } from './templates';
import { resolveLesson } from './resolve';
import type { Lesson } from './types';

function error(text: string): string {
  const r = parseTemplate(text);
  if (r.ok) throw new Error(`'${text}' parsed`);
  return r.error;
}

describe('parseTemplate', () => {
  it('splits text and templates, with arguments, factors and a format', () => {
    const r = parseTemplate('A pays {pgtables_bytes A|bytes}, x{tables pte db1 * 4096 * alive|exact}.');
    expect(r.ok && r.parts.map((p) => (p.kind === 'text' ? p.text : p.expr.name))).toEqual(['A pays ', 'pgtables_bytes', ', x', 'tables', '.']);
    const e = parseExpr('{tables pte db1 * 4096 * alive|exact}');
    expect(typeof e === 'object' && [e.args, e.factors, e.format]).toEqual([['pte', 'db1'], [4096, 'alive'], 'exact']);
  });

  it('accepts every name of the language', () => {
    const all =
      '{pgtables_bytes db1} {pagetables_bytes} {host_pgtables_bytes f} {refcount f} {rss_pages db1} {tables pmd host:f} ' +
      '{shared db2 0x7f0000000000} {access db2 0x7f0000000000} {alive} {oom_killed} {errno 7} {file_bytes} {ram_bytes} ' +
      '{vmpte_bytes} {pte_bytes} {max_pgtables}';
    expect(parseTemplate(all).ok).toBe(true);
  });

  it('names the unknown template and lists the known ones', () => {
    expect(error('x {pgtable_bytes db1}')).toMatch(/^column 3: \{pgtable_bytes db1\}: unknown template 'pgtable_bytes' \(expected one of pgtables_bytes, /);
  });

  it('says how many arguments a name takes', () => {
    expect(error('{refcount}')).toBe("column 1: {refcount}: 'refcount' takes 1 argument ({refcount FILE})");
    expect(error('{alive db1}')).toBe("column 1: {alive db1}: 'alive' takes 0 arguments ({alive})");
  });

  it('checks levels, addresses and line numbers', () => {
    expect(error('{tables p4d db1}')).toMatch(/'p4d' is not a level \(pgd, pud, pmd, pte\)/);
    expect(error('{shared db2 here}')).toMatch(/'here' is not an address/);
    expect(error('{errno seven}')).toMatch(/'seven' is not a line number/);
  });

  it('rejects an unknown format, two formats, and a bad factor', () => {
    expect(error('{alive|kib}')).toMatch(/unknown format '\|kib' \(expected one of \|bytes, \|exact, \|count\)/);
    expect(error('{alive|count|bytes}')).toMatch(/one '\|format' at most/);
    expect(error('{alive * many}')).toMatch(/'\*' takes a whole number or a template without arguments/);
  });

  it('finds unbalanced and empty braces', () => {
    expect(error('a {alive')).toBe("column 3: '{' is never closed");
    expect(error('a } b')).toBe("column 3: '}' without '{'");
    expect(error('{ {alive}')).toBe("column 1: '{' is never closed");
    expect(error('{ }')).toMatch(/empty template/);
  });
});

describe('formatValue', () => {
  it('prints bytes in binary units, exactly, or as a count', () => {
    expect(formatValue(8192, 'bytes')).toBe('8 KiB');
    expect(formatValue(943_718_400_000, 'bytes')).toBe('878.9 GiB');
    expect(formatValue(8192, 'exact')).toBe('8,192 bytes');
    expect(formatValue(16000, 'count')).toBe('16,000');
    expect(formatValue(16000, null)).toBe('16,000');
    expect(formatValue('shared', null)).toBe('shared');
    expect(formatValue('shared', 'bytes')).toEqual({ error: "'|bytes' needs a number, got 'shared'" });
  });
});

describe('resolveLesson reports problems instead of throwing', () => {
  const base: Lesson = { id: 'walk', title: 't', question: 'q?', minutes: 1, scenario: 'file f 2M\nprocess a', slides: [] };

  it('lists unknown names, bad templates, bad answers and steps out of range', () => {
    const r = resolveLesson({
      ...base,
      slides: [
        { title: 'a', text: '{pgtables_bytes nobody} {oops}', step: 2 },
        { title: 'b', text: 'fine', step: 1 },
        { title: 'c', text: 'late', step: 9 },
        { title: 'd', text: '', step: 2, predict: { kind: 'choice', prompt: 'p', options: ['x'], answer: '{alive}', hint: 'h', why: 'w' } },
        { title: 'e', text: '', step: 2, predict: { kind: 'number', prompt: 'p', unit: 'bytes', answer: '12', hint: 'h', why: 'w' } },
      ],
    });
    expect(r.steps).toBe(2);
    expect(r.problems.map((p) => `${p.slide}: ${p.message}`)).toEqual([
      "1: step 1 comes before the previous slide's step",
      '2: step 9 is out of range 0..2',
      "3: step 2 comes before the previous slide's step",
      expect.stringMatching(/^0: template: column 25: \{oops\}: unknown template 'oops'/),
      "3: answer: {alive} is '1', which is not one of the options (x)",
      "4: answer: answer '12' must be one template, e.g. {pgtables_bytes db1}",
    ]);
    expect(r.slides[2]?.text).toBe('late');
  });

  it('names a task the scenario never creates', () => {
    const r = resolveLesson({ ...base, slides: [{ title: 'a', text: 'x {pgtables_bytes nobody}', step: 2 }] });
    expect(r.problems).toEqual([{ slide: 0, message: '{pgtables_bytes nobody}: no task named nobody' }]);
    expect(r.slides[0]?.text).toBe('x {pgtables_bytes nobody}');
  });

  it('reports a focus on an mm that is not there at the step', () => {
    const r = resolveLesson({ ...base, slides: [{ title: 'a', text: 'x', step: 2, focus: { kind: 'link', from: 'a', host: 'host:f' } }] });
    expect(r.problems).toEqual([{ slide: 0, message: 'focus: no live mm named host:f at step 2' }]);
  });

  it('reports a scenario that does not parse with its line and column', () => {
    const r = resolveLesson({ ...base, scenario: 'file f 2M\nprocess', slides: [{ title: 'a', text: 'x', step: 0 }] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toMatch(/^scenario: line 2, column \d+: /);
    expect(r.slides).toHaveLength(1);
  });
});
