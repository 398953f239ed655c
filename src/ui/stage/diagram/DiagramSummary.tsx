/** The diagram in words for screen readers: per mm, its tables in view and where its links go. */
import type { Snapshot } from '../../../protocol/messages';
import { formatBytes, levelName } from '../../../viz/format';

export function DiagramSummary({ snap }: { snap: Snapshot }) {
  const byId = new Map(snap.tables.map((t) => [t.id, t]));
  return (
    <ul className="sr-only" aria-label="The diagram in words">
      {snap.mms.map((mm) => {
        const own = mm.tables.map((id) => byId.get(id)).filter((t) => t !== undefined);
        const counts = ['pgd', 'pud', 'pmd', 'pte'].map((l) => [l, own.filter((t) => t.level === l).length] as const).filter(([, n]) => n > 0);
        const borrowed = mm.borrowed.length;
        return (
          <li key={mm.id}>
            {mm.isHost ? `${mm.name}, host mm with no task` : mm.count > 1 ? `${mm.name} to ${mm.lastName}, ${mm.count} identical processes` : mm.name}
            {': '}
            {counts.length === 0 ? 'no tables in view' : counts.map(([l, n]) => `${n} ${levelName(l as 'pgd')}`).join(', ')}
            {borrowed > 0 ? `; links to ${borrowed} shared table${borrowed > 1 ? 's' : ''}` : ''}
            {`; VmPTE ${formatBytes(mm.pgtablesBytes)}.`}
          </li>
        );
      })}
    </ul>
  );
}
