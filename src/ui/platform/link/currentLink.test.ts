import { describe, expect, it } from 'vitest';
import { createSimStore } from '../../../store/simStore';
import { fullSizeQuery, linkOfView, viewUrl } from './currentLink';
import { parseLink } from './parseLink';

describe('the link to what is on screen', () => {
  it('names the scenario, step and view, leaving defaults out', async () => {
    const store = createSimStore({ text: 'process a' });
    store.setState({ loadedText: 'process a', step: 1, mode: 'compare', vs: 'hugetlb', window: { lo: 0x7f0000000000, hi: 0x7f0000400000 } });
    const url = await viewUrl(store.getState(), null, { origin: 'https://lab.example', pathname: '/', search: '?theme=dark' });
    expect(url).toBe('https://lab.example/?theme=dark#s=cHJvY2VzcyBh&step=1&mode=compare&vs=hugetlb&range=0x7f0000000000-0x7f0000400000');
    const back = await parseLink('?theme=dark', url.slice(url.indexOf('#')));
    expect(back.link).toMatchObject({ scenario: 'process a', step: 1, mode: 'compare', vs: 'hugetlb', theme: 'dark' });
  });

  it('is a lesson link when a lesson is on screen, and writes the sliders only once moved', () => {
    const store = createSimStore({ text: 'process a', scale: { procs: 1000, sizeBytes: 2 ** 30, ramBytes: 2 ** 39 } });
    const link = linkOfView(store.getState(), { lesson: 'abc', slide: 3, slides: 6 });
    expect(link).toMatchObject({ scenario: null, lesson: 'abc', slide: 3, procs: 1000, sizeBytes: 2 ** 30 });
    expect(linkOfView(createSimStore({ text: 'x' }).getState(), null).procs).toBeNull();
  });

  it('opens full size without the frame\'s own settings', () => {
    expect(fullSizeQuery('?embed=1&origin=https://a.example&editor=1&theme=dark&motion=off')).toBe('?theme=dark&motion=off');
    expect(fullSizeQuery('?embed=1')).toBe('');
  });
});
