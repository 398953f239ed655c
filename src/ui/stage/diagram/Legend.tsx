/** What the marks mean: every colour in the diagram paired with its word. */
export function Legend() {
  const item = 'inline-flex items-center gap-1.5';
  const swatch = 'inline-block size-3 rounded-sm border border-[var(--line)]';
  return (
    <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-[var(--muted)]" aria-label="Legend">
      <span className={item}>
        <span className={swatch} style={{ background: 'var(--cell-empty)' }} /> empty entry
      </span>
      <span className={item}>
        <span className={swatch} style={{ background: 'color-mix(in oklab, var(--owner-0) 45%, var(--card))' }} /> present, read-only
      </span>
      <span className={item}>
        <span className={swatch} style={{ background: 'var(--owner-0)' }} /> present, writable
      </span>
      <span className={item}>
        <span className={`${swatch} grid place-items-center`} style={{ background: 'var(--owner-0)' }}>
          <span className="size-1 rounded-full bg-[var(--dirty-dot)]" />
        </span>
        dot: dirty
      </span>
      <span className={item}>
        <span className={swatch} style={{ background: 'var(--shared)' }} /> shared page / link
      </span>
      <span className={item}>
        <span className={swatch} style={{ background: 'color-mix(in oklab, var(--changed) 45%, var(--card))', borderColor: 'var(--changed)' }} /> changed this step
      </span>
      <span className={item}>
        <span className="inline-block h-3 w-5 rounded-sm border border-dashed border-[var(--host)]" /> host mm (no task)
      </span>
    </div>
  );
}
