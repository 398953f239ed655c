// The runner reads only regular files up to MAX_SCENARIO_BYTES: a directory, a device, a FIFO,
// a missing or a too-large file is refused unread with one line on stderr and exit 2.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../sim/model';
import { EXIT_USAGE, runCli, type CliIo } from './runCli';
import { fileProblem, MAX_SCENARIO_BYTES, readScenarioFile, statScenarioFile, type FileFacts } from './scenarioFile';

const MiB = 2 ** 20;

/** A model that must not be reached: every refusal happens before the run. */
const unreachable = (): Model => {
  throw new Error('the model was created for a refused file');
};

function run(file: string, io: Pick<CliIo, 'statFile' | 'readFile'>) {
  let stdout = '';
  let stderr = '';
  const code = runCli([file], { ...io, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, unreachable);
  return { code, stdout, stderr };
}

/** Fake io: the path has these facts; reading it is a test failure. */
function facts(f: FileFacts): Pick<CliIo, 'statFile' | 'readFile'> {
  return {
    statFile: () => f,
    readFile: () => {
      throw new Error('read a file that should have been refused');
    },
  };
}

describe('fileProblem', () => {
  it('accepts a regular file up to the limit, inclusive', () => {
    expect(MAX_SCENARIO_BYTES).toBe(64 * MiB);
    expect(fileProblem('a.scn', { kind: 'file', size: 0 })).toBeNull();
    expect(fileProblem('a.scn', { kind: 'file', size: MAX_SCENARIO_BYTES })).toBeNull();
  });

  it('names the path, the size and the limit of a file over it', () => {
    expect(fileProblem('big.scn', { kind: 'file', size: 80 * MiB })).toBe('big.scn is 80.0 MiB (83,886,080 bytes); the limit is 64 MiB');
    expect(fileProblem('big.scn', { kind: 'file', size: MAX_SCENARIO_BYTES + 1 })).toBe('big.scn is 64.0 MiB (67,108,865 bytes); the limit is 64 MiB');
  });

  it('says what a path that is not a regular file is', () => {
    expect(fileProblem('/dev/zero', { kind: 'character device', size: 0 })).toBe(
      '/dev/zero is not a regular file (a character device); a scenario is a text file of at most 64 MiB',
    );
    expect(fileProblem('d', { kind: 'directory', size: 4096 })).toMatch(/^d is not a regular file \(a directory\)/);
  });
});

describe('runCli refuses what is not a scenario file, unread (fake io)', () => {
  const cases: [string, FileFacts, string][] = [
    ['/dev/zero', { kind: 'character device', size: 0 }, 'sim: /dev/zero is not a regular file (a character device); a scenario is a text file of at most 64 MiB\n'],
    ['scenarios', { kind: 'directory', size: 4096 }, 'sim: scenarios is not a regular file (a directory); a scenario is a text file of at most 64 MiB\n'],
    ['pipe', { kind: 'FIFO', size: 0 }, 'sim: pipe is not a regular file (a FIFO); a scenario is a text file of at most 64 MiB\n'],
    ['big.scn', { kind: 'file', size: 80 * MiB }, 'sim: big.scn is 80.0 MiB (83,886,080 bytes); the limit is 64 MiB\n'],
  ];
  for (const [path, f, message] of cases) {
    it(`${path}: one line on stderr, exit 2`, () => {
      expect(run(path, facts(f))).toEqual({ code: EXIT_USAGE, stdout: '', stderr: message });
    });
  }

  it('says why a path cannot be examined', () => {
    const r = run('nope.scn', {
      statFile: (p) => {
        throw new Error(`ENOENT: no such file or directory, stat '${p}'`);
      },
      readFile: () => '',
    });
    expect(r).toEqual({ code: EXIT_USAGE, stdout: '', stderr: "sim: cannot read nope.scn: ENOENT: no such file or directory, stat 'nope.scn'\n" });
  });
});

describe('readScenarioFile and runCli on real files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-file-'));
  const io: Pick<CliIo, 'statFile' | 'readFile'> = { statFile: statScenarioFile, readFile: (p) => readScenarioFile(p) };

  it('reads a regular file', () => {
    const path = join(dir, 'ok.scn');
    writeFileSync(path, 'process a\n');
    expect(statScenarioFile(path)).toEqual({ kind: 'file', size: 10 });
    expect(readScenarioFile(path)).toBe('process a\n');
  });

  it('refuses a directory, a sparse file over the limit, a missing file and a device', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(run(sub, io)).toEqual({ code: EXIT_USAGE, stdout: '', stderr: `sim: ${sub} is not a regular file (a directory); a scenario is a text file of at most 64 MiB\n` });

    // Sparse: 80 MiB long without 80 MiB on disk.
    const big = join(dir, 'big.scn');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 80 * MiB);
    expect(run(big, io)).toEqual({ code: EXIT_USAGE, stdout: '', stderr: `sim: ${big} is 80.0 MiB (83,886,080 bytes); the limit is 64 MiB\n` });
    expect(() => readScenarioFile(big)).toThrow(/the limit is 64 MiB/);

    const missing = run(join(dir, 'missing.scn'), io);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toMatch(/^sim: cannot read .*missing\.scn: ENOENT[^\n]*\n$/);

    if (existsSync('/dev/zero')) {
      expect(run('/dev/zero', io).stderr).toBe('sim: /dev/zero is not a regular file (a character device); a scenario is a text file of at most 64 MiB\n');
    }
  });

  it('refuses a FIFO without opening it (opening would wait for a writer)', () => {
    const fifo = join(dir, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to test
    expect(run(fifo, io)).toEqual({ code: EXIT_USAGE, stdout: '', stderr: `sim: ${fifo} is not a regular file (a FIFO); a scenario is a text file of at most 64 MiB\n` });
  });

  it('applies a smaller limit to what it reads', () => {
    const path = join(dir, 'five.scn');
    writeFileSync(path, '12345');
    expect(readScenarioFile(path, 5)).toBe('12345');
    expect(() => readScenarioFile(path, 4)).toThrow(`${path} is 0.0 MiB (5 bytes); the limit is 0.0 MiB (4 bytes)`);
  });
});
