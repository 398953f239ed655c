// Every example in scenarios/ runs through the headless runner and the engine, and
// shows what its `# expect` lines say at the point where they stand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../scenario/parser';
import { createEngine } from '../sim/engine/engine';
import type { Model } from '../sim/model';
import { errorsOf, type ErrorReport } from '../sim/report';
import { readExpectations, type Expectation } from './expectations';
import { runCli } from './runCli';

const dir = join(__dirname, '..', '..', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.scn')).sort();

function fieldOf(model: Model, subject: string, field: string): unknown {
  if (subject === 'system') {
    const mem = model.memory();
    return field === 'pagetables_bytes' ? mem.pagetables_bytes : field === 'file_bytes' ? mem.file_bytes : undefined;
  }
  if (subject.startsWith('host:')) return model.hosts().find((h) => h.file === subject.slice(5))?.[field as 'refcount'];
  return model.processes().find((p) => p.name === subject)?.[field as 'alive'];
}

function check(model: Model, errors: readonly ErrorReport[], e: Expectation): void {
  const where = `expectation at line ${e.line}`;
  switch (e.kind) {
    case 'field':
      expect(String(fieldOf(model, e.subject, e.field)), where).toBe(e.value);
      break;
    case 'error':
      expect(errors.some((x) => x.line === e.at && x.errno === e.errno), `${where}: ${JSON.stringify(errors)}`).toBe(true);
      break;
    case 'errors':
      expect(errors.length, `${where}: ${JSON.stringify(errors)}`).toBe(e.count);
      break;
    case 'nohost':
      expect(model.hosts().some((h) => h.file === e.file), where).toBe(false);
      break;
    case 'finding': {
      const all = (model.findings?.() ?? []).map((f) => `${f.mm}: ${f.message}`);
      expect(all.some((f) => f.includes(e.text)), `${where}: ${JSON.stringify(all)}`).toBe(true);
      break;
    }
  }
}

describe('example scenarios', () => {
  it('exist for the rules', () => expect(files.length).toBeGreaterThanOrEqual(20));

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const expectations = readExpectations(text);
      expect(expectations.length).toBeGreaterThan(0);
      // Through the headless runner: parses, runs, invariants hold (exit 0), valid JSON.
      let out = '';
      const code = runCli([file, '--json'], { readFile: () => text, stdout: (t) => (out += t), stderr: (t) => (out += t) }, createEngine);
      expect(code, out).toBe(0);
      expect(JSON.parse(out).ok).toBe(true);
      // Step by step: each expectation against the state where it stands.
      const parsed = parse(text);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
      const model = createEngine();
      const errors: ErrorReport[] = [];
      let next = 0;
      for (const e of expectations) {
        while (next < parsed.commands.length && parsed.commands[next]!.line < e.line) {
          const cmd = parsed.commands[next++]!;
          errors.push(...errorsOf(cmd.line, model.step(cmd)));
          expect(model.invariants(), `after line ${cmd.line}`).toEqual([]);
        }
        check(model, errors, e);
      }
    });
  }
});
