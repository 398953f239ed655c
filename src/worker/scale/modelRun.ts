/**
 * One curve of the scale explorer: ONE engine run for one model that adds
 * processes one by one (each maps the file at the same address and reads
 * touchBytes of it) and reads the figures back from the engine after each.
 * It advances one process per call, so a caller can slice it by time.
 */
import type { Command, Located } from '../../sim/commands';
import { createEngine, type Engine } from '../../sim/engine/engine';
import { PAGE_SIZE } from '../../sim/geometry';
import { SampleSchedule } from './schedule';
import type { ScaleCurveSummary, ScaleModel, ScalePoint } from '../../protocol/scale';
import { MAX_RAM, type Validated } from './validate';

/** Where every process maps the file: 512 GiB aligned, so 1 TiB ends exactly at the top of user space. */
export const SCALE_BASE = 0x7f00_0000_0000;

type Input = Extract<Validated, { ok: true }>['input'];

/** The commands of process i (1-based): create it, map the file, read it. */
function processCommands(i: number, input: Input, model: ScaleModel): Command[] {
  const task = `p${i}`;
  const addr = { kind: 'abs', value: SCALE_BASE } as const;
  return [
    { op: 'process', name: task },
    {
      op: 'mmap', task, addr, len: input.sizeBytes, prot: { read: true, write: true, exec: false },
      flags: { shared: true, private: false, sharedPt: model === 'shared_pt', fixed: false }, file: 'f', offset: 0, as: null,
    },
    { op: 'touch', task, addr, len: input.touchBytes, access: 'read' },
  ];
}

/** One model's curve in progress: its own engine, the schedule, and the running counts read from the trace. */
export class ModelRun {
  readonly model: ScaleModel;
  private readonly input: Input;
  private readonly engine: Engine;
  private readonly schedule: SampleSchedule;
  private line = 0;
  private ran = 0;
  private ptePages = 0;
  private oomKills = 0;
  private firstOom: number | null = null;
  private kept = 0;
  private lastPoint: ScalePoint | null = null;

  constructor(input: Input, model: ScaleModel) {
    this.model = model;
    this.input = input;
    this.engine = createEngine();
    this.schedule = new SampleSchedule(input.procs);
    // `needed` asks what no sharing would take on a machine with memory to spare.
    this.run({ op: 'machine', ram: model === 'needed' ? MAX_RAM : input.ramBytes, seed: 1, ptReclaim: false });
    this.run({ op: 'file', name: 'f', size: input.sizeBytes, hugetlb: model === 'hugetlb' });
  }

  /** Processes added so far. */
  get done(): number {
    return this.ran;
  }

  /** True once all `procs` processes have been added. */
  get finished(): boolean {
    return this.ran >= this.input.procs;
  }

  /** Adds the next process; returns its point when the schedule keeps it (or it first OOM-killed). */
  advance(): ScalePoint | null {
    if (this.finished) return null;
    const killsBefore = this.oomKills;
    for (const c of processCommands(++this.ran, this.input, this.model)) this.run(c);
    const firstOomNow = killsBefore === 0 && this.oomKills > 0;
    if (firstOomNow) this.firstOom = this.ran;
    if (!this.schedule.keeps(this.ran) && !firstOomNow) return null;
    this.kept++;
    this.lastPoint = this.sample();
    return this.lastPoint;
  }

  /** How the run ended, with the invariants of SPEC 1.8 checked once over the whole machine. */
  summary(): ScaleCurveSummary {
    if (!this.finished || this.lastPoint === null) throw new Error(`the ${this.model} run has ${this.input.procs - this.ran} processes to go`);
    return { model: this.model, firstOomAt: this.firstOom, last: this.lastPoint, points: this.kept, invariants: this.engine.invariants() };
  }

  private run(command: Command): void {
    const located: Located = { line: ++this.line, command };
    for (const e of this.engine.step(located)) {
      if (e.k === 'alloc' && e.level === 'pte') this.ptePages += e.count;
      else if (e.k === 'free' && e.level === 'pte') this.ptePages -= e.count;
      else if (e.k === 'oom') this.oomKills++;
    }
  }

  private sample(): ScalePoint {
    let vmpte = 0;
    let mapped = 0;
    let alive = 0;
    for (const p of this.engine.processes()) {
      if (!p.alive) continue;
      alive++;
      vmpte += p.pgtables_bytes;
      mapped += p.rss_pages;
    }
    const memory = this.engine.memory();
    return {
      model: this.model, procs: this.ran,
      pagetablesBytes: memory.pagetables_bytes, ptePageBytes: this.ptePages * PAGE_SIZE, vmpteBytes: vmpte,
      pteEntryBytes: mapped * 8, fileBytes: memory.file_bytes, alive, oomKilled: this.oomKills,
    };
  }
}
