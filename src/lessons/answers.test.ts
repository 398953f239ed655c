// How a reader's prediction is read and judged: units, spacing, case, rounding, options.
import { describe, expect, it } from 'vitest';
import { checkAnswer, readNumber } from './answers';
import type { Question } from './types';

const bytes: Question = { kind: 'number', prompt: 'p', unit: 'bytes', answer: '{pgtables_bytes a}', hint: 'Count PUD, PMD and PTE pages.', why: 'Three tables.' };
const tables: Question = { kind: 'number', prompt: 'p', unit: 'tables', answer: '{tables pte a}', hint: 'One per 2 MiB.', why: 'Two chunks.' };
const choice: Question = { kind: 'choice', prompt: 'p', options: ['shared', 'not shared'], answer: '{shared b 0x0}', hint: 'Same address?', why: 'It matches.' };

describe('checkAnswer for bytes', () => {
  it.each(['16384', '16,384', '16,384 bytes', '16 KiB', '16kib', ' 16  K ', '16 KB', '16384 B', '16_384'])('accepts %j for 16,384', (input) => {
    expect(checkAnswer(bytes, 16384, input)).toEqual({ ok: true, message: 'Right: 16 KiB (16,384 bytes). Three tables.' });
  });

  it('accepts a rounded figure in larger units, within its last digit', () => {
    expect(checkAnswer(bytes, 943_718_400_000, '878.9 GiB').ok).toBe(true);
    expect(checkAnswer(bytes, 630_378_496, '601.2 MiB').ok).toBe(true);
    expect(checkAnswer(bytes, 630_378_496, '601 MiB').ok).toBe(true);
    expect(checkAnswer(bytes, 1.4 * 2 ** 30, '1 GiB').ok).toBe(false);
    expect(checkAnswer(bytes, 16_000, '16 KiB').ok).toBe(false);
  });

  it('says whether a wrong number is too many or too few, and gives the hint', () => {
    expect(checkAnswer(bytes, 12288, '8 KiB')).toEqual({ ok: false, message: 'Not quite: 8 KiB is too few bytes. Hint: Count PUD, PMD and PTE pages.' });
    expect(checkAnswer(bytes, 12288, '16384').message).toMatch(/^Not quite: 16384 is too many bytes\. Hint: /);
  });

  it('explains an answer it cannot read', () => {
    expect(checkAnswer(bytes, 12288, '').message).toBe('Type an answer first. Hint: Count PUD, PMD and PTE pages.');
    expect(checkAnswer(bytes, 12288, 'twelve').message).toMatch(/is not a number of bytes/);
    expect(checkAnswer(bytes, 12288, '3 tables').message).toMatch(/asks for bytes; a table page is 4096 bytes/);
  });
});

describe('checkAnswer for counts', () => {
  it.each(['2', '2 tables', '2 Tables', '2 table pages', '2 pages'])('accepts %j for 2 tables', (input) => {
    expect(checkAnswer(tables, 2, input).ok).toBe(true);
  });

  it('refuses bytes and fractions for a count', () => {
    expect(checkAnswer(tables, 2, '8 KiB').message).toBe('This question counts tables, not bytes.');
    expect(checkAnswer(tables, 2, '1.5').message).toBe('Count whole tables.');
    expect(checkAnswer(tables, 2, '3').message).toBe('Not quite: 3 is too many tables. Hint: One per 2 MiB.');
  });
});

describe('checkAnswer for choices', () => {
  it('accepts an option in any case and spacing, or its number', () => {
    expect(checkAnswer(choice, 'not shared', ' Not   Shared ').ok).toBe(true);
    expect(checkAnswer(choice, 'not shared', '2').ok).toBe(true);
    expect(checkAnswer(choice, 'not shared', 'not shared').message).toBe('Right: not shared. It matches.');
  });

  it('rejects another option with the hint, and an unknown one with the options', () => {
    expect(checkAnswer(choice, 'not shared', 'shared')).toEqual({ ok: false, message: '"shared" is not what happens here. Hint: Same address?' });
    expect(checkAnswer(choice, 'not shared', 'maybe').message).toBe('Choose one of: shared, not shared.');
  });
});

describe('readNumber', () => {
  it('reads the slack a rounded figure allows', () => {
    expect(readNumber('16 KiB', 'bytes')).toEqual({ value: 16384, slack: 512 });
    expect(readNumber('1.5 MiB', 'bytes')).toEqual({ value: 1.5 * 2 ** 20, slack: 2 ** 20 / 20 });
    expect(readNumber('4', 'tables')).toEqual({ value: 4, slack: 0 });
  });
});
