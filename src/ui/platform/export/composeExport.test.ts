// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeExport, xml } from './composeExport';

const picture = {
  colors: { bg: 'rgb(248, 250, 252)', ink: 'rgb(15, 23, 42)', muted: 'rgb(71, 85, 105)', line: 'rgb(203, 213, 225)' },
  caption: 'Step 12 of 15',
  detail: 'line 30: db1 mprotect 0x7f0000000000 2M r',
  diagrams: [{ markup: '<svg width="700" height="400" data-step="12"><rect width="10" height="10"/></svg>', width: 700, height: 400 }],
  legend: [
    { label: 'empty entry', fill: 'rgb(238, 242, 246)', stroke: 'rgb(203, 213, 225)' },
    { label: 'host mm (no task)', fill: 'none', stroke: 'rgb(71, 85, 105)', dashed: true },
  ],
  counters: ['PageTables (system) 28 KiB · Σ VmPTE of processes 12 KiB', '3 processes · 1 host mm'],
};

describe('the exported picture', () => {
  it('is one well-formed SVG document holding the caption, diagram, legend and counters', () => {
    const { svg, width, height } = composeExport(picture);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('height')).toBe(String(height));
    expect(width).toBeGreaterThanOrEqual(700 + 32);
    expect(height).toBeGreaterThan(400 + 60);
    expect(root.textContent).toContain('Step 12 of 15');
    expect(root.textContent).toContain('db1 mprotect');
    expect(root.textContent).toContain('host mm (no task)');
    expect(root.textContent).toContain('3 processes · 1 host mm');
    expect(doc.querySelector('svg svg[data-step="12"]')).not.toBeNull();
    expect(svg).not.toContain('var(');
  });

  it('escapes text that looks like markup', () => {
    expect(xml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    const { svg } = composeExport({ ...picture, detail: '</text><script>alert(1)</script>' });
    expect(svg).not.toContain('<script>');
  });
});
