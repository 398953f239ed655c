import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { exportFileName, scenarioSlug } from './fileName';

describe('export file names', () => {
  it('say the scenario and the step', () => {
    expect(exportFileName(DEFAULT_SCENARIO, null, 12, 'single', 'svg')).toBe('sptlab-map-shared-pt-two-processes-step-12.svg');
    expect(exportFileName('process a', null, 0, 'compare', 'png')).toBe('sptlab-scenario-compare-step-0.png');
    expect(exportFileName('# x', 'sga-story', 3, 'single', 'png')).toBe('sptlab-sga-story-step-3.png');
  });

  it('keep only safe characters', () => {
    expect(scenarioSlug('# ../../etc/passwd <script> ünï', null)).toBe('etc-passwd-script-n');
    expect(scenarioSlug('#   \n# ###', null)).toBe('scenario');
  });
});
