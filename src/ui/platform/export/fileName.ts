/**
 * The name an export is saved under: what it shows and at which step
 * (`sptlab-map-shared-pt-two-processes-step-12.svg`), so a folder of slides
 * sorts and reads without opening them.
 */

/** A short slug for the scenario: the lesson id, else the first comment's first words, else `scenario`. */
export function scenarioSlug(text: string, lesson: string | null): string {
  if (lesson !== null) return lesson;
  const comment = text.split('\n').find((l) => l.trim().startsWith('#'));
  const words = (comment ?? '')
    .replace(/^\s*#+/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .slice(0, 5);
  const slug = words.join('-').replace(/-+/g, '-').slice(0, 48).replace(/-$/, '');
  return slug === '' ? 'scenario' : slug;
}

/** `sptlab-<scenario>[-compare]-step-<n>.<ext>`. */
export function exportFileName(text: string, lesson: string | null, step: number, mode: string, ext: 'svg' | 'png'): string {
  return `sptlab-${scenarioSlug(text, lesson)}${mode === 'compare' ? '-compare' : ''}-step-${step}.${ext}`;
}
