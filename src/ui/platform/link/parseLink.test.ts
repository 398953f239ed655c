import { describe, expect, it } from 'vitest';
import { EMPTY_LINK } from './linkState';
import { parseLink } from './parseLink';
import { toBase64Url } from './scenarioCodec';
import { writeHash } from './writeLink';

const b64 = (t: string): string => toBase64Url(new TextEncoder().encode(t));

describe('reading a link, part by part', () => {
  it('opens a link written before compression existed (#s=<base64url>&step=N)', async () => {
    const text = 'process db1 # ünïcödé → ✓\n\tdb1 exit\n';
    expect(await parseLink('', `#s=${b64(text)}&step=7`)).toEqual({ link: { ...EMPTY_LINK, scenario: text, step: 7 }, problems: [] });
  });

  it('keeps a valid scenario when the step is bad, and says what was wrong', async () => {
    const r = await parseLink('', `#s=${b64('process a')}&step=abc`);
    expect(r.link.scenario).toBe('process a');
    expect(r.link.step).toBeNull();
    expect(r.problems).toEqual(['The link\'s step="abc" is not a step number (0 or more); using step 0.']);
  });

  it('keeps the step and the view when the scenario is damaged', async () => {
    const r = await parseLink('?theme=dark', '#s=@@@&step=3&mode=compare');
    expect(r.link).toMatchObject({ scenario: null, step: 3, mode: 'compare', theme: 'dark' });
    expect(r.problems[0]).toMatch(/damaged.*base64url.*default scenario instead/);
  });

  it('reads every query parameter and ignores unknown ones', async () => {
    const r = await parseLink('?embed=1&origin=https://docs.example.org,http://127.0.0.1:4174&theme=light&motion=off&editor=1&utm_source=x', '#foo=bar');
    expect(r).toEqual({
      link: { ...EMPTY_LINK, embed: true, origins: ['https://docs.example.org', 'http://127.0.0.1:4174'], theme: 'light', motion: 'off', editor: true },
      problems: [],
    });
  });

  it('reads the view: mode, vs, range and the scale sliders with K/M/G/T', async () => {
    const r = await parseLink('', '#mode=scale&vs=hugetlb&range=0x7f00_0000_0000-0x7f00_0040_0000&procs=1500&size=300G&ram=512GiB');
    expect(r.problems).toEqual([]);
    expect(r.link).toMatchObject({ mode: 'scale', vs: 'hugetlb', range: { lo: 0x7f0000000000, hi: 0x7f0000400000 }, procs: 1500, sizeBytes: 300 * 2 ** 30, ramBytes: 512 * 2 ** 30 });
    expect((await parseLink('', '#procs=2K')).link.procs).toBe(2000);
  });

  it('names each bad part in words and uses its default', async () => {
    const r = await parseLink('?embed=yes&theme=blue&motion=fast', '#mode=3d&vs=x&range=0x5-0x1&procs=0&size=3M&ram=1K&lesson=nope&slide=0');
    expect(r.link).toEqual(EMPTY_LINK);
    expect(r.problems).toHaveLength(11);
    expect(r.problems.join(' ')).toMatch(/embed="yes".*theme="blue".*motion="fast".*lesson="nope".*mode="3d".*vs="x".*range="0x5-0x1".*procs="0".*size="3M".*ram="1K".*slide="0"/);
  });

  it('keeps only the good origins of a list, and none at all means closed, not open', async () => {
    const r = await parseLink('?origin=https://ok.example,javascript:alert(1),https://x.example/path', '');
    expect(r.link.origins).toEqual(['https://ok.example']);
    expect(r.problems).toHaveLength(2);
    expect((await parseLink('?origin=', '')).link.origins).toEqual([]);
  });

  it('reads lesson links and validates the lesson id and slide', async () => {
    expect((await parseLink('', '#lesson=abc&slide=3')).link).toMatchObject({ lesson: 'abc', slide: 3 });
    expect((await parseLink('', '#slide=3')).problems[0]).toMatch(/slide=3 belongs to a lesson/);
    expect(await writeHash({ ...EMPTY_LINK, lesson: 'sga-story', slide: 2 })).toBe('#lesson=sga-story&slide=2');
  });

  it('compresses a long scenario, marks it, and reads it back', async () => {
    const text = 'process a\na mmap 0x7f0000000000 2M rw shared,shared_pt f\n'.repeat(2000);
    const hash = await writeHash({ ...EMPTY_LINK, scenario: text, step: 5 });
    expect(hash).toMatch(/^#s=z\.[A-Za-z0-9_-]+&step=5$/);
    expect(hash.length).toBeLessThan(b64(text).length / 20);
    expect((await parseLink('', hash)).link.scenario).toBe(text);
  });

  it('names the limit when a link is too long to hold a scenario', async () => {
    const r = await parseLink('', `#s=${'A'.repeat(400_001)}&step=2`);
    expect(r.link.scenario).toBeNull();
    expect(r.link.step).toBe(2);
    expect(r.problems[0]).toBe('The link is too long to hold a scenario: its s= is 400,001 characters, over the 400,000 a link may carry. Showing the default scenario instead.');
  });

  it('says so when a compressed scenario is cut short', async () => {
    const hash = await writeHash({ ...EMPTY_LINK, scenario: 'process a\n'.repeat(500) });
    const r = await parseLink('', hash.slice(0, -8));
    expect(r.link.scenario).toBeNull();
    expect(r.problems[0]).toMatch(/compressed scenario does not unpack/);
  });
});
