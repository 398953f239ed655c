import { describe, expect, it } from 'vitest';
import { acceptsFrom, parentOrigin, postTargets } from './origins';

describe('who the embed API talks to', () => {
  it('without origin= it takes commands from any page and answers the one it knows', () => {
    expect(acceptsFrom('https://a.example', null)).toBe(true);
    expect(postTargets(null, 'https://a.example')).toEqual(['https://a.example']);
    expect(postTargets(null, null)).toEqual(['*']);
  });

  it('with origin= it takes commands only from those origins and posts only to them', () => {
    const allowed = ['https://docs.example.org', 'http://127.0.0.1:4174'];
    expect(acceptsFrom('https://docs.example.org', allowed)).toBe(true);
    expect(acceptsFrom('https://evil.example', allowed)).toBe(false);
    expect(postTargets(allowed, 'http://127.0.0.1:4174')).toEqual(['http://127.0.0.1:4174']);
    expect(postTargets(allowed, 'https://evil.example')).toEqual([]);
    expect(postTargets(allowed, null)).toEqual(allowed);
    expect(postTargets([], 'https://a.example')).toEqual([]);
  });

  it('knows the parent from ancestorOrigins, else from the referrer', () => {
    const list = Object.assign(['https://host.example'], { contains: () => true, item: () => null }) as unknown as DOMStringList;
    expect(parentOrigin({ ancestorOrigins: list }, '')).toBe('https://host.example');
    expect(parentOrigin({}, 'https://docs.example.org/page?x=1')).toBe('https://docs.example.org');
    expect(parentOrigin({}, '')).toBeNull();
    expect(parentOrigin({}, 'not a url')).toBeNull();
  });
});
