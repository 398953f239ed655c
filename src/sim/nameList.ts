/**
 * A list of names as a short line: "db1 db2 host:sga" stays as it is, but a
 * TLB flush seen by 1500 processes reads "db1 … db1500 (1,500)" instead of
 * printing every name. Numbered names in a row (db1, db2, … db1500) fold into
 * a span; past a few parts the middle is left out and the count says so.
 */

/** Lists this long or shorter are printed whole. */
const WHOLE = 8;
/** Spans or names kept at each end of a longer list. */
const ENDS = 3;

interface Part {
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

const NUMBERED = /^(.*?)(\d+)$/;

/** Consecutive numbered names with one prefix as spans: db1 db2 db3 → db1 … db3. */
function spans(names: readonly string[]): Part[] {
  const parts: Part[] = [];
  for (const name of names) {
    const m = NUMBERED.exec(name);
    const last = parts[parts.length - 1];
    // Leading zeros would not round-trip through a number: keep such names as they are.
    if (m !== null && !/^0\d/.test(m[2] as string)) {
      const n = Number(m[2]);
      if (last !== undefined && last.prefix === m[1] && last.to === n - 1 && Number.isSafeInteger(n)) {
        parts[parts.length - 1] = { ...last, to: n, text: `${last.prefix}${last.from} … ${m[1]}${n}` };
        continue;
      }
      parts.push({ prefix: m[1] as string, from: n, to: n, text: name });
    } else {
      parts.push({ prefix: '\0', from: NaN, to: NaN, text: name });
    }
  }
  return parts;
}

/** The names joined by spaces, folded when there are more than a few; the count closes a folded list. */
export function foldNames(names: readonly string[]): string {
  if (names.length <= WHOLE) return names.join(' ');
  const parts = spans(names).map((p) => p.text);
  const count = `(${names.length.toLocaleString('en-US')})`;
  if (parts.length <= WHOLE) return `${parts.join(' ')} ${count}`;
  return `${parts.slice(0, ENDS).join(' ')} … ${parts.slice(-1).join(' ')} ${count}`;
}
