/**
 * The `# expect` lines of the example scenarios (scenarios/README.md): what a
 * run must show at the point of the file where the line stands.
 */
export type Expectation =
  | { readonly kind: 'field'; readonly line: number; readonly subject: string; readonly field: string; readonly value: string }
  | { readonly kind: 'error'; readonly line: number; readonly at: number; readonly errno: string }
  | { readonly kind: 'errors'; readonly line: number; readonly count: number }
  | { readonly kind: 'nohost'; readonly line: number; readonly file: string }
  | { readonly kind: 'finding'; readonly line: number; readonly text: string };

/** Reads every `# expect` line; throws on one it cannot read (a broken example is a bug). */
export function readExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const m = /^#\s*expect\s+(.*)$/.exec(raw.trim());
    if (m === null) return;
    const body = m[1]!.trim();
    let g: RegExpExecArray | null;
    if ((g = /^error\s+(\d+)\s+(\S+)$/.exec(body))) out.push({ kind: 'error', line, at: Number(g[1]), errno: g[2]! });
    else if ((g = /^errors\s*=\s*(\d+)$/.exec(body))) out.push({ kind: 'errors', line, count: Number(g[1]) });
    else if ((g = /^no host\s+(\S+)$/.exec(body))) out.push({ kind: 'nohost', line, file: g[1]! });
    else if ((g = /^finding\s+(.+)$/.exec(body))) out.push({ kind: 'finding', line, text: g[1]!.trim() });
    else if ((g = /^(\S+)\.(\w+)\s*=\s*(\S+)$/.exec(body))) out.push({ kind: 'field', line, subject: g[1]!, field: g[2]!, value: g[3]! });
    else throw new Error(`line ${line}: cannot read expectation '${body}'`);
  });
  return out;
}
