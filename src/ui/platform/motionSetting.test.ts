import { describe, expect, it } from 'vitest';
import { motionFromLink } from './motionSetting';

describe('the motion setting a link opens with', () => {
  it('follows prefers-reduced-motion when the link says nothing', () => {
    expect(motionFromLink('', false)).toEqual({ motion: 'full', problem: null });
    expect(motionFromLink('?theme=dark', true)).toEqual({ motion: 'reduced', problem: null });
  });

  it('takes motion=full, reduced or off from the query, over the preference', () => {
    expect(motionFromLink('?motion=off', false).motion).toBe('off');
    expect(motionFromLink('?embed=1&motion=full', true).motion).toBe('full');
    expect(motionFromLink('?motion=reduced', false).motion).toBe('reduced');
  });

  it('reports a bad value in words and uses the default', () => {
    const r = motionFromLink('?motion=fast', true);
    expect(r.motion).toBe('reduced');
    expect(r.problem).toBe('The link\'s motion="fast" is not one of full, reduced, off; using reduced.');
  });
});
