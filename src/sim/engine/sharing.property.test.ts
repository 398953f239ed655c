// SPEC 1.3 as a property: MAP_SHARED_PT changes who owns the tables and how permission
// changes spread, never which file page an address maps to. Random scenarios run with
// and without every shared_pt flag; while both runs agree on errors, every address that
// both translate leads to the same file page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../../scenario/arbitraries';
import { print } from '../../scenario/printer';
import { withoutSharedPt } from '../commands';
import { PAGE_SIZE } from '../geometry';
import { errorsOf } from '../report';
import { createEngine } from './engine';

describe('MAP_SHARED_PT keeps every translation', () => {
  it('maps each address to the same file page with and without shared_pt', () => {
    let throughHosts = 0; // comparisons made while a host mm lived: the property is not vacuous
    fc.assert(
      fc.property(scenarioArb({ maxSteps: 30 }), (commands) => {
        const shared = createEngine();
        const plain = createEngine();
        const baseline = withoutSharedPt(commands);
        for (let i = 0; i < commands.length; i++) {
          const a = errorsOf(0, shared.step(commands[i]!)).map((e) => e.errno);
          const b = errorsOf(0, plain.step(baseline[i]!)).map((e) => e.errno);
          expect(shared.invariants()).toEqual([]);
          expect(plain.invariants()).toEqual([]);
          if (a.join() !== b.join()) return; // the runs diverge (e.g. EINVAL on a partial munmap)
          const view = shared.view({ lo: 0, hi: 0 });
          for (const mm of view.mms) {
            for (const task of mm.tasks) {
              for (const v of mm.vmas) {
                for (const va of [v.start, v.start + PAGE_SIZE, Math.floor((v.start + v.end) / 2 / PAGE_SIZE) * PAGE_SIZE, v.end - PAGE_SIZE]) {
                  const x = shared.translate(task, va);
                  const y = plain.translate(task, va);
                  if (x !== null && y !== null && shared.hosts().length > 0) throughHosts++;
                  if (x !== null && y !== null) expect({ file: x.file, page: x.page }, `${task} at ${va}\n${print(commands.slice(0, i + 1))}`).toEqual({ file: y.file, page: y.page });
                }
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(throughHosts).toBeGreaterThan(50);
  });
});
