// Import walls between layers, checked by reading source files (see the folder table
// in the architecture notes). The engine must run unchanged in Node, a worker and tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

/**
 * Test support (fast-check arbitraries; the app's fake-bridge renderer and counting engine)
 * is held to the rules of tests, not of the layer.
 */
const TEST_SUPPORT = /(\.test\.tsx?|[/\\](arbitraries\.ts|testing\.tsx|testEngine\.ts))$/;

/** Every non-test .ts/.tsx file under src/<folder>; none when the folder is missing. */
function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !TEST_SUPPORT.test(path)) found.push(path);
    }
  };
  const root = join(srcDir, folder);
  if (existsSync(root)) walk(root);
  return found;
}

/** Replaces comments (and, unless keepStrings, string contents) with spaces, keeping lines. */
function blank(code: string, keepStrings: boolean): string {
  const pattern = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
  return code.replace(pattern, (token) => {
    const isComment = token.startsWith('/');
    if (!isComment && keepStrings) return token;
    const inner = token.replace(/[^\n]/g, ' ');
    return isComment ? inner : token[0] + inner.slice(1, -1) + token[0];
  });
}

type Found = { line: number; text: string };

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split('\n').length;
}

/** Module specifiers of import/export-from, bare imports, dynamic import() and require(). */
function importsOf(code: string): Found[] {
  const text = blank(code, true);
  const pattern =
    /\b(?:import|export)\s[^'";]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*(['"])([^'"]+)\3|\b(?:import|require)\s*\(\s*(['"`])([^'"`]+)\5/g;
  return [...text.matchAll(pattern)].map((m) => ({
    line: lineOf(text, m.index),
    text: m[2] ?? m[4] ?? m[6] ?? '',
  }));
}

const forbiddenGlobals = [
  /(?<![.\w$])window\b(?!\s*\??:)/g,
  /(?<![.\w$])document\b(?!\s*\??:)/g,
  /(?<![.\w$])localStorage\b(?!\s*\??:)/g,
  /(?<![.\w$])requestAnimationFrame\b(?!\s*\??:)/g,
  /(?<![.\w$])Math\s*\.\s*random\b/g,
  /(?<![.\w$])Date\s*\.\s*now\b/g,
  /(?<![.\w$])performance\s*\.\s*now\b/g,
];

/** Uses of browser globals, clocks and unseeded randomness outside comments and strings. */
function globalsOf(code: string): Found[] {
  const text = blank(code, false);
  return forbiddenGlobals.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({ line: lineOf(text, m.index), text: m[0] })),
  );
}

const uiLibrary = /^(react|react-dom|zustand|d3)(\/|$)|^d3-/;
const nodeBuiltin = (spec: string): boolean =>
  spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? '');

/**
 * Lists wall breaches in src/<folder>: relative imports must land in one of `allowed`
 * folders; bare imports (packages) only when `allowBare` says so.
 */
function violations(
  folder: string,
  allowed: string[],
  allowBare: (spec: string) => boolean,
  checkGlobals: boolean,
): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(folder)) {
    const code = readFileSync(file, 'utf8');
    const where = (line: number): string => `${relative(srcDir, file)}:${line}`;
    for (const { line, text: spec } of importsOf(code)) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = relative(srcDir, resolve(dirname(file), spec));
        const inside = allowed.some((dir) => target === dir || target.startsWith(dir + sep));
        if (!inside) found.push(`${where(line)} imports '${spec}' from outside ${allowed.join(', ')}`);
      } else if (uiLibrary.test(spec) || !allowBare(spec)) {
        found.push(`${where(line)} imports package '${spec}'`);
      }
    }
    if (checkGlobals) {
      for (const { line, text } of globalsOf(code)) found.push(`${where(line)} uses ${text}`);
    }
  }
  return found;
}

describe('import walls', () => {
  it('src/sim imports nothing outside itself and uses no browser globals, clock or Math.random', () => {
    expect(violations('sim', ['sim'], () => false, true)).toEqual([]);
  });

  it('src/scenario imports only from src/scenario and src/sim', () => {
    expect(violations('scenario', ['scenario', 'sim'], () => false, false)).toEqual([]);
  });

  it('src/cli imports only src/sim, src/scenario, itself and Node built-ins', () => {
    expect(violations('cli', ['cli', 'sim', 'scenario'], nodeBuiltin, false)).toEqual([]);
  });

  it('src/lessons imports only src/sim, src/scenario and itself, and uses no browser globals or clock', () => {
    expect(violations('lessons', ['lessons', 'sim', 'scenario'], () => false, true)).toEqual([]);
  });
});

describe('import walls of the browser app', () => {
  const none = (): boolean => false;
  const only =
    (...packages: string[]) =>
    (spec: string): boolean =>
      packages.some((p) => spec === p || spec.startsWith(`${p}/`));
  // The engine's pure vocabulary (sizes, bits, view and event types) may be read by the screen's maths.
  const simVocabulary = ['sim/geometry.ts', 'sim/bits.ts', 'sim/view.ts', 'sim/events.ts', 'sim/geometry', 'sim/bits', 'sim/view', 'sim/events'];

  it('src/protocol holds types and guards over the engine types, nothing else', () => {
    expect(violations('protocol', ['protocol', 'sim', 'lessons'], none, true)).toEqual([]);
  });

  it('src/worker runs the engine and the scenario language and speaks the protocol', () => {
    expect(violations('worker', ['worker', 'sim', 'scenario', 'protocol', 'lessons'], none, false)).toEqual([]);
  });

  it('src/bridge knows only the protocol', () => {
    expect(violations('bridge', ['bridge', 'protocol'], none, false)).toEqual([]);
  });

  it('src/store knows the bridge and the protocol, and uses no DOM', () => {
    const found = violations('store', ['store', 'bridge', 'protocol'], only('zustand'), true);
    expect(found.filter((f) => !f.includes("package 'zustand"))).toEqual([]);
  });

  it('src/viz is pure maths over protocol types and the engine vocabulary, with d3', () => {
    const found = violations('viz', ['viz', 'protocol', ...simVocabulary], only('d3-shape', 'd3-scale'), true);
    expect(found.filter((f) => !/package 'd3-(shape|scale)'/.test(f))).toEqual([]);
  });

  it('src/ui renders from the store and viz, never reaching the engine or the worker', () => {
    // Lesson content and answer checks, never the code that runs the engine.
    const lessonContent = ['lessons/catalog.ts', 'lessons/answers.ts', 'lessons/types.ts', 'lessons/catalog', 'lessons/answers', 'lessons/types'];
    // The scenario language's word lists (pure data the editor highlights and completes), never the parser.
    const words = ['scenario/words', 'scenario/words.ts'];
    // The editor's CodeMirror packages are the one other library the page draws with.
    const found = violations('ui', ['ui', 'store', 'viz', 'protocol', 'bridge', ...lessonContent, ...words], only('react', 'react-dom', 'zustand', '@codemirror', '@lezer/highlight'), false);
    expect(found.filter((f) => !/package '(react|react-dom|zustand|@codemirror|@lezer\/highlight)(\/|')/.test(f))).toEqual([]);
  });
});

describe('rooms of src/ui', () => {
  const react = (spec: string): boolean => /^(react|react-dom|zustand)(\/|$)/.test(spec);
  const layers = ['store', 'viz', 'protocol', 'bridge', 'lessons/catalog', 'lessons/answers', 'lessons/types', 'lessons/catalog.ts', 'lessons/answers.ts', 'lessons/types.ts', 'scenario/words', 'scenario/words.ts'];
  const room = (name: string, ...others: string[]): string[] =>
    violations(`ui/${name}`, [`ui/${name}`, ...others.map((o) => `ui/${o}`), ...layers], react, false).filter(
      (f) => !/package '(react|react-dom|zustand|@codemirror|@lezer\/highlight)(\/|')/.test(f),
    );

  it('common holds what every room shares and imports no room', () => {
    expect(room('common')).toEqual([]);
  });

  it('motion (the playback clock) knows only common', () => {
    expect(room('motion', 'common')).toEqual([]);
  });

  it('platform (links, storage, theme, keys) knows only common and motion', () => {
    expect(room('platform', 'common', 'motion')).toEqual([]);
  });

  it('the stage, the timeline and the panels never reach into each other or the shell (panels may use platform)', () => {
    expect(room('stage', 'common', 'motion')).toEqual([]);
    expect(room('timeline', 'common', 'motion')).toEqual([]);
    expect(room('panels', 'common', 'platform')).toEqual([]);
    expect(room('lesson', 'common', 'motion', 'platform')).toEqual([]);
  });
});

describe('the wall checker itself', () => {
  it('finds imports and forbidden globals but ignores comments, strings and properties', () => {
    const code = [
      "import { a } from './a';",
      "import type { B } from '../ui/b';",
      "export * from 'd3-scale';",
      "import 'react';",
      "const c = await import('zustand');",
      '// window.alert(document.title) in a comment',
      "const s = 'sliding window of Date.now()';",
      'const o = { window: 1, document: 2 }; o.window = Math.random();',
      'const t = Date.now() + performance.now();',
    ].join('\n');
    expect(importsOf(code).map((i) => i.text)).toEqual(['./a', '../ui/b', 'd3-scale', 'react', 'zustand']);
    expect(globalsOf(code).map((g) => `${g.line}:${g.text}`).sort()).toEqual(
      ['8:Math.random', '9:Date.now', '9:performance.now'].sort(),
    );
  });
});
