/**
 * Fills one text's templates, and computes one question's answer, at the
 * engine's current step. Problems go to the caller's `report`; a template that
 * cannot be filled shows as written, so a broken slide is visible, not blank.
 */
import { formatBytes } from '../sim/geometry';
import { formatValue, groupDigits, parseExpr, parseTemplate } from './templates';
import type { Question, ResolvedQuestion, Value } from './types';
import { evaluate, type ValueContext } from './values';

/** The text with every `{...}` replaced by the engine's value. */
export function fillText(text: string, ctx: ValueContext, report: (message: string) => void): string {
  const parsed = parseTemplate(text);
  if (!parsed.ok) {
    report(`template: ${parsed.error} in "${text}"`);
    return text;
  }
  return parsed.parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const v = evaluate(part.expr, ctx);
      if (!v.ok) return report(v.error), part.expr.source;
      const shown = formatValue(v.value, part.expr.format);
      if (typeof shown === 'object') return report(`${part.expr.source}: ${shown.error}`), part.expr.source;
      return shown;
    })
    .join('');
}

/** The question with its texts filled and its answer computed; null when the answer cannot be. */
export function resolveQuestion(q: Question, ctx: ValueContext, report: (message: string) => void): ResolvedQuestion | null {
  const texts = { prompt: fillText(q.prompt, ctx, report), hint: fillText(q.hint, ctx, report), why: fillText(q.why, ctx, report) };
  const source = q.answer.trim();
  const expr = source.startsWith('{') && source.endsWith('}') ? parseExpr(source) : `answer '${q.answer}' must be one template, e.g. {pgtables_bytes db1}`;
  if (typeof expr === 'string') return report(`answer: ${expr}`), null;
  if (expr.format !== null) return report(`answer: ${source}: an answer takes no '|format'`), null;
  const v = evaluate(expr, ctx);
  if (!v.ok) return report(`answer: ${v.error}`), null;
  if (q.kind === 'number') {
    if (typeof v.value !== 'number') return report(`answer: ${source} is '${v.value}', not a number`), null;
    return { ...q, ...texts, value: v.value, answerText: numberText(v.value, q.unit) };
  }
  const options = q.options.map((o) => fillText(o, ctx, report));
  const value = String(v.value);
  if (!options.includes(value)) return report(`answer: ${source} is '${value}', which is not one of the options (${options.join(', ')})`), null;
  return { ...q, ...texts, options, value, answerText: value };
}

/** How the reveal states a number: bytes in binary units and exactly, counts with their unit. */
export function numberText(value: Value, unit: 'bytes' | 'tables' | 'pages'): string {
  if (typeof value === 'string') return value;
  if (unit === 'bytes') return value < 1024 ? `${groupDigits(value)} bytes` : `${formatBytes(value)} (${groupDigits(value)} bytes)`;
  const one = unit === 'tables' ? 'table' : 'page';
  return `${groupDigits(value)} ${value === 1 ? one : unit}`;
}
