// Scenarios measured on a real Linux kernel (scenarios/kernel/README.md): the headless
// runner must report the same page-table bytes, liveness and errors, byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../sim/engine/engine';
import { runCli } from './runCli';

interface Measured {
  readonly kernel: string;
  readonly processes: readonly { name: string; alive: boolean; pgtables_bytes: number; signal?: string }[];
  readonly errors: readonly { line: number; errno: string }[];
  readonly pagetables_bytes_exact: number;
}

const dir = join(__dirname, '..', '..', 'scenarios', 'kernel');
const names = readdirSync(dir).filter((f) => f.endsWith('.scn')).sort();

describe('figures measured on a real kernel', () => {
  it('are there', () => expect(names.length).toBeGreaterThanOrEqual(30));

  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const kernel = JSON.parse(readFileSync(join(dir, name.replace(/\.scn$/, '.json')), 'utf8')) as Measured;
      let out = '';
      const code = runCli([name, '--json'], { readFile: () => text, stdout: (t) => (out += t), stderr: (t) => (out += t) }, createEngine);
      expect(code, out).toBe(0);
      const ours = JSON.parse(out) as { processes: { name: string; alive: boolean; pgtables_bytes: number; signal: string | null }[]; errors: { line: number; errno: string }[]; pagetables_bytes: number };
      for (const p of kernel.processes) {
        const q = ours.processes.find((x) => x.name === p.name);
        expect(q && { name: q.name, alive: q.alive, pgtables_bytes: q.pgtables_bytes }, p.name).toEqual({ name: p.name, alive: p.alive, pgtables_bytes: p.pgtables_bytes });
        if (p.signal !== undefined) expect(q!.signal).toBe(p.signal);
      }
      const key = (e: { line: number; errno: string }): string => `${e.line} ${e.errno}`;
      expect(ours.errors.map(key).sort()).toEqual(kernel.errors.map(key).sort());
      // The kernel's figure leaves out the live processes' own PGD pages.
      const live = ours.processes.filter((p) => p.alive && p.name !== undefined).length;
      expect(ours.pagetables_bytes - 4096 * live).toBe(kernel.pagetables_bytes_exact);
    });
  }
});
