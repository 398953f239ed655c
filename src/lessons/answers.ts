/**
 * Checks a reader's prediction against the engine's answer. Numbers may carry
 * a unit ("16 KiB", "16,384 bytes", "4 tables"); spacing and case do not matter.
 * A wrong answer says why not (too many, too few, another option) and gives the hint.
 */
import { numberText } from './fill';
import type { Question, Value } from './types';

export interface AnswerCheck {
  readonly ok: boolean;
  readonly message: string;
}

const BYTE_UNITS: Readonly<Record<string, number>> = {
  '': 1, b: 1, byte: 1, bytes: 1,
  k: 2 ** 10, kb: 2 ** 10, kib: 2 ** 10,
  m: 2 ** 20, mb: 2 ** 20, mib: 2 ** 20,
  g: 2 ** 30, gb: 2 ** 30, gib: 2 ** 30,
  t: 2 ** 40, tb: 2 ** 40, tib: 2 ** 40,
};
const COUNT_UNITS: Readonly<Record<'tables' | 'pages', readonly string[]>> = {
  tables: ['', 'table', 'tables', 'page', 'pages', 'table pages'],
  pages: ['', 'page', 'pages'],
};

/** Whether `input` is the engine's answer; the message is what the lab says next. */
export function checkAnswer(question: Question, answer: Value, input: string): AnswerCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Type an answer first. Hint: ${question.hint}` };
  if (question.kind === 'choice') return checkChoice(question, String(answer), text);
  const target = typeof answer === 'number' ? answer : Number.NaN;
  const read = readNumber(text, question.unit);
  if (typeof read === 'string') return { ok: false, message: read };
  if (accepts(read, target)) return { ok: true, message: `Right: ${numberText(target, question.unit)}. ${question.why}` };
  const direction = read.value > target ? 'too many' : 'too few';
  const what = question.unit === 'bytes' ? 'bytes' : question.unit;
  return { ok: false, message: `Not quite: ${text} is ${direction} ${what}. Hint: ${question.hint}` };
}

function checkChoice(q: Extract<Question, { kind: 'choice' }>, answer: string, text: string): AnswerCheck {
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const picked = q.options.find((o) => norm(o) === norm(text)) ?? (/^\d+$/.test(text) ? q.options[Number(text) - 1] : undefined);
  if (picked === undefined) return { ok: false, message: `Choose one of: ${q.options.join(', ')}.` };
  if (picked === answer) return { ok: true, message: `Right: ${answer}. ${q.why}` };
  return { ok: false, message: `"${picked}" is not what happens here. Hint: ${q.hint}` };
}

interface ReadNumber {
  readonly value: number;
  /** How far from the value the reader's rounding allows (half a unit of the last digit given). */
  readonly slack: number;
}

/** "16 KiB" → 16384 (slack 512); "16,384 bytes" → 16384 (slack 0.5); or why it cannot be read. */
export function readNumber(text: string, unit: 'bytes' | 'tables' | 'pages'): ReadNumber | string {
  const m = /^([0-9][0-9,_ ]*(?:\.[0-9]+)?)\s*([a-z ]*)$/i.exec(text.trim());
  if (m === null) return `'${text}' is not a number${unit === 'bytes' ? ' of bytes (e.g. 16384, 16 KiB)' : ` of ${unit} (e.g. 4)`}.`;
  const digits = (m[1] ?? '').replace(/[,_ ]/g, '');
  const word = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const decimals = digits.includes('.') ? (digits.split('.')[1] ?? '').length : 0;
  const n = Number(digits);
  if (unit === 'bytes') {
    const scale = BYTE_UNITS[word];
    if (scale === undefined) {
      const counted = COUNT_UNITS.tables.includes(word) ? ' (this question asks for bytes; a table page is 4096 bytes)' : '';
      return `'${word}' is not a unit of bytes (B, KiB, MiB, GiB, TiB)${counted}.`;
    }
    return { value: n * scale, slack: (scale * 10 ** -decimals) / 2 };
  }
  if (!COUNT_UNITS[unit].includes(word)) {
    return BYTE_UNITS[word] !== undefined && word !== '' ? `This question counts ${unit}, not bytes.` : `'${word}' is not a unit here: answer in ${unit}.`;
  }
  if (decimals > 0) return `Count whole ${unit}.`;
  return { value: n, slack: 0 };
}

/** Right when the reader's figure rounds to the answer and is within 0.5% of it. */
function accepts(read: ReadNumber, target: number): boolean {
  const diff = Math.abs(read.value - target);
  return diff <= 0.5 || (diff <= read.slack && diff <= 0.005 * target);
}
