import { readFileSync } from 'node:fs';
import { Pool } from 'pg';

const TICK_MS = 10; // CLK_TCK 100 on Linux

/** utime + stime of a process in ms (from /proc/<pid>/stat), or NaN when it is gone. */
export function procCpuMs(pid: number): number {
  const t = procTimes(pid);
  return t.user + t.system;
}

/** utime and stime of a process in ms. */
export function procTimes(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(f[11]) * TICK_MS, system: Number(f[12]) * TICK_MS };
  } catch {
    return { user: NaN, system: NaN };
  }
}

export interface CpuSnap {
  at: number;
  driver: number;
  api: number;
  apiSystem: number;
  pg: Map<number, number>;
  /** each backend's kind: its application_name, or its backend_type when it has none (autovacuum worker, …) */
  pgKind: Map<number, string>;
}
export interface CpuUse {
  driver: number;
  api: number;
  pg: number;
  /** kernel part of `api` */ apiSystem?: number;
  /** `pg` split by backend kind (see CpuSnap.pgKind) */ pgBy?: Record<string, number>;
}

/**
 * CPU time used by the bench driver (this process: load generator, in-process services, pg client),
 * the API process and the Postgres backends of the bench database. On a machine shared with other
 * work, CPU per operation is steadier than throughput, and it says where the time goes.
 */
export class CpuMeter {
  /** `api`: the API's process, or its processes (a clustered API: the primary only forks, its children serve). */
  constructor(
    private readonly pg: Pool,
    private readonly api?: number | number[],
  ) {}

  async snap(): Promise<CpuSnap> {
    const backends: { pid: number; kind: string }[] = (
      await this.pg.query(`SELECT pid, coalesce(nullif(application_name, ''), backend_type) AS kind FROM pg_stat_activity WHERE datname = current_database()`)
    ).rows;
    const u = process.cpuUsage();
    const api = { user: 0, system: 0 };
    for (const pid of this.api === undefined ? [] : [this.api].flat()) {
      const t = procTimes(pid);
      api.user += t.user;
      api.system += t.system;
    }
    return {
      at: performance.now(),
      driver: (u.user + u.system) / 1000,
      api: api.user + api.system,
      apiSystem: api.system,
      pg: new Map(backends.map((b) => [b.pid, procCpuMs(b.pid)])),
      pgKind: new Map(backends.map((b) => [b.pid, b.kind])),
    };
  }

  async since(a: CpuSnap): Promise<CpuUse> {
    const b = await this.snap();
    let pg = 0;
    const pgBy: Record<string, number> = {};
    for (const [pid, t] of b.pg) {
      const before = a.pg.get(pid) ?? 0;
      if (!Number.isFinite(t)) continue;
      const used = t - (Number.isFinite(before) ? before : 0);
      pg += used;
      const kind = b.pgKind.get(pid) ?? '?';
      pgBy[kind] = (pgBy[kind] ?? 0) + used;
    }
    return { driver: b.driver - a.driver, api: b.api - a.api, apiSystem: b.apiSystem - a.apiSystem, pg, pgBy };
  }

  /** Runs `fn` and returns its result with the CPU it cost. */
  async measure<T>(fn: () => Promise<T>): Promise<{ value: T; cpu: CpuUse }> {
    const a = await this.snap();
    const value = await fn();
    return { value, cpu: await this.since(a) };
  }
}
