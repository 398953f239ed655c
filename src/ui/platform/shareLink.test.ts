import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from './shareLink';

describe('share links', () => {
  it('round-trips any text and the step', () => {
    const text = 'process db1 # ünïcödé → ✓\n\tdb1 exit\n';
    const hash = encodeLink(text, 7);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+&step=7$/);
    expect(decodeLink(hash)).toEqual({ kind: 'ok', text, step: 7 });
  });

  it('round-trips a long scenario', () => {
    const text = 'process a\n'.repeat(20_000);
    expect(decodeLink(encodeLink(text, 0))).toEqual({ kind: 'ok', text, step: 0 });
  });

  it('ignores hashes that carry no scenario', () => {
    expect(decodeLink('')).toEqual({ kind: 'none' });
    expect(decodeLink('#top')).toEqual({ kind: 'none' });
  });

  it('explains a damaged link instead of throwing', () => {
    expect(decodeLink('#s=%%%%&step=1').kind).toBe('bad');
    expect(decodeLink('#s=a&step=1')).toMatchObject({ kind: 'bad', message: expect.stringMatching(/base64url/) });
    expect(decodeLink('#s=_w&step=1')).toMatchObject({ kind: 'bad', message: expect.stringMatching(/UTF-8/) });
    expect(decodeLink(`${encodeLink('x', 0).split('&')[0]}&step=-3`)).toMatchObject({ kind: 'bad', message: expect.stringMatching(/step/) });
  });
});
