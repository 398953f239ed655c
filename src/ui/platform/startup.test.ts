// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { parseLink } from './link/parseLink';
import { toBase64Url } from './link/scenarioCodec';
import { startupOptions } from './startup';
import { BACKUP_KEY, TEXT_KEY, keepStorageReadOnly, load, save } from './storage';

const b64 = (t: string): string => toBase64Url(new TextEncoder().encode(t));
const open = async (search: string, hash: string, reduced = false) => startupOptions(await parseLink(search, hash), hash, reduced);

describe('what the lab opens on', () => {
  beforeEach(() => window.localStorage.clear());

  it('opens the default scenario the first time', async () => {
    expect(await open('', '')).toMatchObject({ text: DEFAULT_SCENARIO, step: 0, mode: 'single', vs: 'baseline', motion: 'full', notice: null });
  });

  it('reopens the text typed last time', async () => {
    window.localStorage.setItem(TEXT_KEY, 'process mine');
    expect((await open('', '')).text).toBe('process mine');
  });

  it('opens a link at its step, setting typed text aside and saying so', async () => {
    window.localStorage.setItem(TEXT_KEY, 'process mine');
    const o = await open('', `#s=${b64('process linked')}&step=3`);
    expect(o).toMatchObject({ text: 'process linked', step: 3 });
    expect(o.notice).toMatch(/replaced the scenario you had typed/);
    expect(window.localStorage.getItem(BACKUP_KEY)).toBe('process mine');
  });

  it('falls back to the default scenario with a message for a bad one, keeping the rest of the link', async () => {
    window.localStorage.setItem(TEXT_KEY, 'process mine');
    const o = await open('', '#s=@@@&step=2&mode=compare&vs=hugetlb');
    expect(o).toMatchObject({ text: DEFAULT_SCENARIO, step: 2, mode: 'compare', vs: 'hugetlb' });
    expect(o.notice).toMatch(/damaged.*default scenario instead/);
  });

  it('takes motion from the link over the preference, and the preference otherwise', async () => {
    expect((await open('?motion=off', '', true)).motion).toBe('off');
    expect((await open('', '', true)).motion).toBe('reduced');
    expect((await open('?motion=fast', '', true)).notice).toMatch(/motion="fast" is not one of full, reduced, off/);
  });

  it('starts the scale sliders where the link puts them', async () => {
    expect((await open('', '#mode=scale&procs=1000&size=1G')).scale).toEqual({ procs: 1000, sizeBytes: 2 ** 30, ramBytes: 512 * 2 ** 30 });
  });

  it('an embedded frame neither reads nor writes the reader\'s saved work', async () => {
    window.localStorage.setItem(TEXT_KEY, 'process mine');
    expect((await open('?embed=1', '')).text).toBe(DEFAULT_SCENARIO);
    keepStorageReadOnly();
    save(TEXT_KEY, 'from the frame');
    expect(load(TEXT_KEY)).toBe('process mine');
  });
});
