/**
 * The view: explore one scenario, compare it with and without sharing (and
 * against what), or the scale explorer. A radio group, so the keyboard moves
 * through it with the arrows like any other.
 */
import { MODES, VS_CHOICES, type Mode, type Vs } from '../../protocol/messages';
import { selectMode, selectVs } from '../../store/selectors';
import { useActions, useSim } from '../common/SimProvider';

const MODE_LABEL: Readonly<Record<Mode, string>> = { single: 'Explore', compare: 'Compare', scale: 'Scale' };
const VS_LABEL: Readonly<Record<Vs, string>> = { baseline: 'without sharing', hugetlb: 'hugetlb PMD sharing' };

export function ViewSwitch() {
  const mode = useSim(selectMode);
  const vs = useSim(selectVs);
  const { setMode, setVs } = useActions();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className="flex overflow-hidden rounded-md border border-[var(--line)]" data-testid="view-switch">
        <legend className="sr-only">View</legend>
        {MODES.map((m) => (
          <label key={m} className={`cursor-pointer px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--ink)] ${mode === m ? 'bg-[var(--ink)] font-semibold text-[var(--panel)]' : 'hover:bg-[var(--bg)]'}`}>
            <input type="radio" name="view" value={m} checked={mode === m} onChange={() => setMode(m)} className="sr-only" />
            {MODE_LABEL[m]}
          </label>
        ))}
      </fieldset>
      {mode === 'compare' && (
        <label className="flex items-center gap-1 text-xs text-[var(--muted)]">
          against
          <select value={vs} onChange={(e) => setVs(e.target.value as Vs)} className="focus-ring rounded border border-[var(--line)] bg-[var(--panel)] px-1 py-1 text-sm text-[var(--ink)]" data-testid="vs">
            {VS_CHOICES.map((v) => (
              <option key={v} value={v}>
                {VS_LABEL[v]}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
