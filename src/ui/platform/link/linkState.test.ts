import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, VS_CHOICES } from '../../../protocol/index';
import { MOTION_SETTINGS } from '../../../store/simStore';
import { EMPTY_LINK, LESSON_IDS, type LinkState } from './linkState';
import { parseLink } from './parseLink';
import { writeLink } from './writeLink';

const MiB = 2 ** 20;
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.integer({ min: 30, max: 400 })).map(([t, n]) => t.repeat(n)),
);
const origin = fc.constantFrom('https://docs.example.org', 'http://127.0.0.1:4174', 'https://a.b.example:8443');
const window = fc.tuple(fc.integer({ min: 0, max: 2 ** 47 - 1 }), fc.integer({ min: 1, max: 2 ** 47 })).filter(([a, b]) => a < b).map(([lo, hi]) => ({ lo, hi }));

const linkArb: fc.Arbitrary<LinkState> = fc
  .record({
    embed: fc.boolean(),
    origins: fc.option(fc.uniqueArray(origin, { maxLength: 3 }), { nil: null }),
    theme: fc.option(fc.constantFrom('light' as const, 'dark' as const), { nil: null }),
    motion: fc.option(fc.constantFrom(...MOTION_SETTINGS), { nil: null }),
    editor: fc.boolean(),
    scenario: fc.option(text, { nil: null }),
    lesson: fc.option(fc.constantFrom(...LESSON_IDS), { nil: null }),
    slide: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
    step: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    mode: fc.constantFrom(...MODES),
    vs: fc.constantFrom(...VS_CHOICES),
    range: fc.option(window, { nil: null }),
    procs: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
    sizeBytes: fc.option(fc.integer({ min: 1, max: 512 * 1024 }).map((n) => n * 2 * MiB), { nil: null }),
    ramBytes: fc.option(fc.integer({ min: 2 ** 18, max: 2 ** 38 }).map((n) => n * 4096), { nil: null }),
  })
  .map((l) => ({ ...l, slide: l.lesson === null ? null : l.slide }));

const open = async (l: LinkState) => {
  const { search, hash } = await writeLink(l);
  return parseLink(search, hash);
};

describe('links (SPEC 5.1)', () => {
  it('parse(write(x)) = x for every link, with no problems', async () => {
    await fc.assert(
      fc.asyncProperty(linkArb, async (l) => {
        expect(await open(l)).toEqual({ link: l, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random or mutated addresses', async () => {
    const mutated = fc.tuple(linkArb, fc.nat(), fc.string({ maxLength: 6 }), fc.nat({ max: 8 })).chain(([l, at, ins, del]) =>
      fc.constant(
        (async () => {
          const { search, hash } = await writeLink(l);
          const all = `${search}${hash}`;
          const i = at % (all.length + 1);
          return all.slice(0, i) + ins + all.slice(i + del);
        })(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), async (a, b) => {
        const r = await parseLink(a, b);
        expect(Array.isArray(r.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(mutated, async (p) => {
        const all = await p;
        const cut = all.indexOf('#');
        const r = await parseLink(cut < 0 ? all : all.slice(0, cut), cut < 0 ? '' : all.slice(cut));
        expect(r.link.mode).toMatch(/^(single|compare|scale)$/);
      }),
      { numRuns: 300 },
    );
  });

  it('a bare address is every default', async () => {
    expect(await parseLink('', '')).toEqual({ link: EMPTY_LINK, problems: [] });
  });
});
