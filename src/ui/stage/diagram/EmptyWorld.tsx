/** What the diagram says while no mm exists: what it will show, and how to start. */
export function EmptyWorld({ step }: { step: number }) {
  return (
    <div className="mx-auto mt-6 max-w-lg rounded-lg border border-[var(--line)] bg-[var(--panel)] p-5 text-sm leading-relaxed" data-testid="empty-world">
      <p className="font-semibold">{step === 0 ? 'Nothing exists yet.' : 'No process is alive at this step.'}</p>
      <p className="mt-2 text-[var(--muted)]">
        Each process will appear as a column with its page tables, PGD down to PTE, for the addresses on the ruler. A host mm (no task) holds
        the PTE pages that MAP_SHARED_PT processes share; curves show their PMD entries pointing into it.
      </p>
      <p className="mt-2">
        Press <kbd className="rounded border border-[var(--line)] px-1 font-mono">→</kbd> to run the next command, or{' '}
        <kbd className="rounded border border-[var(--line)] px-1 font-mono">Space</kbd> to play.
      </p>
    </div>
  );
}
