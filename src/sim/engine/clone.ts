/**
 * A deep copy of the machine, sharing nothing with the original, so the
 * worker can keep checkpoints and go back in time without replaying from the
 * start. Tables shared between mms (hugetlb PMD pages, a host's PMD page that
 * guests link to) stay shared in the copy.
 */
import { DirTable, PmdTable, PteTable, type PmdRun } from './tables';
import type { Host, Machine, MemObject, Mm, MshareRegion, Task, Vma } from './state';
import { VmaList } from './vmalist';

export function cloneMachine(src: Machine): Machine {
  const objs = new Map<MemObject, MemObject>();
  const mms = new Map<Mm, Mm>();
  const hosts = new Map<Host, Host>();
  const pmds = new Map<PmdTable, PmdTable>();

  const obj = (o: MemObject): MemObject => {
    let c = objs.get(o);
    if (c === undefined) {
      c = { name: o.name, kind: o.kind, size: o.size, cache: o.cache.clone(), host: null, mappers: o.mappers.clone() };
      objs.set(o, c);
      c.host = o.host === null ? null : host(o.host);
    }
    return c;
  };
  const host = (h: Host): Host => {
    let c = hosts.get(h);
    if (c === undefined) {
      c = { mm: null as unknown as Mm, obj: null as unknown as MemObject, start: h.start, len: h.len, offset: h.offset, guests: new Set(), leaked: h.leaked };
      hosts.set(h, c);
      Object.assign(c, { mm: mm(h.mm), obj: obj(h.obj) });
      c.guests = new Set([...h.guests].map(mm));
    }
    return c;
  };
  const vmas = new Map<Vma, Vma>();
  const vma = (v: Vma): Vma => {
    const c: Vma = { ...v, prot: { ...v.prot }, obj: obj(v.obj), host: v.host === null ? null : host(v.host), mshare: null };
    vmas.set(v, c);
    return c;
  };
  const pmd = (t: PmdTable): PmdTable => {
    let c = pmds.get(t);
    if (c === undefined) {
      c = new PmdTable(null, t.id);
      c.kept = t.kept;
      pmds.set(t, c);
      for (const u of t.users) c.addUser(mm(u));
      c.runs = t.runs.map(run);
    }
    return c;
  };
  const run = (r: PmdRun): PmdRun => {
    switch (r.t) {
      case 'table': {
        const t = new PteTable();
        t.runs = r.table.runs.map((p) => ({ ...p, obj: obj(p.obj) }));
        return { ...r, table: t };
      }
      case 'uniform':
        return { ...r, obj: r.obj === null ? null : obj(r.obj) };
      case 'leaf':
        return { ...r, obj: obj(r.obj) };
      case 'link':
        return { ...r, host: pmd(r.host) };
    }
  };
  const dirs = new Map<DirTable, DirTable>();
  const dir = (d: DirTable): DirTable => {
    let c = dirs.get(d);
    if (c !== undefined) return c; // an msharefs PUD page linked from windows stays one page
    c = new DirTable(d.level, d.owner === null ? null : mm(d.owner));
    dirs.set(d, c);
    for (const [i, child] of d.children) c.children.set(i, child instanceof DirTable ? dir(child) : pmd(child));
    c.runs = d.runs.map((r) => ({ ...r, obj: r.obj === null ? null : obj(r.obj), host: r.host === null ? null : dir(r.host) }));
    return c;
  };
  const regions = new Map<MshareRegion, MshareRegion>();
  const region = (r: MshareRegion): MshareRegion => {
    let c = regions.get(r);
    if (c === undefined) {
      c = { ...r, mm: null as unknown as Mm, pseudo: obj(r.pseudo), windows: [] };
      regions.set(r, c);
      Object.assign(c, { mm: mm(r.mm) });
      c.windows = r.windows.map((w) => {
        const owner = mm(w.mm);
        return { mm: owner, vma: vmas.get(w.vma) as Vma };
      });
    }
    return c;
  };
  const mm = (x: Mm): Mm => {
    let c = mms.get(x);
    if (c === undefined) {
      c = { id: x.id, name: x.name, isHost: x.isHost, pgd: new DirTable('pgd'), vmas: new VmaList(), charged: x.charged, tasks: [], alive: x.alive, names: new Map(x.names), mmapBase: x.mmapBase, leaked: x.leaked };
      mms.set(x, c);
      c.pgd = dir(x.pgd);
      c.vmas = VmaList.of(x.vmas.map(vma));
      for (const v of x.vmas) if (v.mshare !== null) vmas.get(v)!.mshare = region(v.mshare);
    }
    return c;
  };

  const tasks = new Map<Task, Task>();
  const task = (t: Task): Task => {
    let c = tasks.get(t);
    if (c === undefined) {
      c = { ...t, mm: mm(t.mm) };
      tasks.set(t, c);
    }
    return c;
  };
  const out: Machine = {
    ...src,
    objects: new Map([...src.objects].map(([k, o]) => [k, obj(o)])),
    anon: new Set([...src.anon].map(obj)),
    mms: new Map([...src.mms].map(([k, x]) => [k, mm(x)])),
    hosts: new Map([...src.hosts].map(([id, h]) => [id, host(h)])),
    regions: new Map([...src.regions].map(([k, r]) => [k, region(r)])),
    mshares: new Map([...src.mshares].map(([id, r]) => [id, region(r)])),
    tasks: new Map([...src.tasks].map(([k, t]) => [k, task(t)])),
    taskOrder: src.taskOrder.map(task),
    mmNames: new Map(src.mmNames),
    findings: src.findings.map((f) => ({ ...f })),
    cacheChanged: new Set(),
    reshaped: [],
    events: [],
    markerAt: 0,
  };
  for (const [orig, copy] of mms) copy.tasks = orig.tasks.map(task);
  return out;
}
