import { describe, expect, it } from 'vitest';
import { faultIn } from './faults';

describe('the test-only fault switch', () => {
  it('reads a fault line of a loaded scenario', () => {
    expect(faultIn({ type: 'load', text: 'process a\n# fault: throw\n' })).toBe('throw');
    expect(faultIn({ type: 'load', text: '#fault:hang' })).toBe('hang');
  });

  it('ignores other comments, other messages, and reopenings up to a good step', () => {
    expect(faultIn({ type: 'load', text: '# fault: throw it all away' })).toBeNull();
    expect(faultIn({ type: 'load', text: 'process a # fault: throw' })).toBeNull();
    expect(faultIn({ type: 'goto', step: 1 })).toBeNull();
    expect(faultIn({ type: 'load', text: '# fault: throw', limit: 3 })).toBeNull();
    expect(faultIn(null)).toBeNull();
    expect(faultIn('load')).toBeNull();
  });
});
