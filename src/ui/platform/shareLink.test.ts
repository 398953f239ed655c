import { describe, expect, it } from 'vitest';
import { parseLink } from './link/parseLink';
import { encodeLink } from './shareLink';

describe('plain scenario links', () => {
  it('are read by the lab as the scenario and step they hold', async () => {
    const text = 'process db1 # ünïcödé → ✓\n\tdb1 exit\n';
    const hash = encodeLink(text, 7);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+&step=7$/);
    expect((await parseLink('', hash)).link).toMatchObject({ scenario: text, step: 7 });
  });
});
