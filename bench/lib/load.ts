import { CpuMeter, CpuUse } from './cpu';
import { median, now, percentile } from './stats';

export interface LoadResult {
  ops: number;
  errors: number;
  elapsedMs: number;
  /** Completed operations per second. */
  rate: number;
  p50: number;
  p99: number;
  firstError?: string;
  /** CPU per completed operation in ms (driver, API, Postgres), when measured. */
  cpu?: CpuUse;
}

/**
 * A closed loop: `clients` concurrent loops, each calling `op(client, i)` back to back for
 * `seconds`; latencies of successful calls in ms. An op that throws counts as an error.
 */
export async function closedLoop(clients: number, seconds: number, op: (client: number, i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = now();
  const until = start + seconds * 1000;
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let i = 0; now() < until; i++) {
      const t0 = now();
      try {
        await op(client, i);
        latencies.push(now() - t0);
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message?.slice(0, 300);
        if (errors > 1000 && errors > latencies.length) throw new Error(`Too many errors; first: ${firstError}`, { cause: e });
      }
    }
  });
  await Promise.all(loops);
  const elapsedMs = now() - start;
  return {
    ops: latencies.length,
    errors,
    elapsedMs,
    rate: (latencies.length / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    firstError,
  };
}

/** Times one async call in ms. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = now();
  const value = await fn();
  return { ms: now() - t0, value };
}

/** closedLoop with the CPU per operation of the driver, the API and Postgres. */
export async function measuredLoop(meter: CpuMeter, clients: number, seconds: number, op: (client: number, i: number) => Promise<void>): Promise<LoadResult> {
  const { value, cpu } = await meter.measure(() => closedLoop(clients, seconds, op));
  const n = Math.max(1, value.ops);
  const pgBy = Object.fromEntries(Object.entries(cpu.pgBy ?? {}).map(([k, v]) => [k, v / n]));
  return { ...value, cpu: { driver: cpu.driver / n, api: cpu.api / n, apiSystem: (cpu.apiSystem ?? 0) / n, pg: cpu.pg / n, pgBy } };
}

/** Medians of the per-op CPU of several runs. */
export function medianCpu(runs: LoadResult[]): CpuUse | undefined {
  const xs = runs.map((r) => r.cpu).filter((c): c is CpuUse => !!c);
  if (!xs.length) return undefined;
  return {
    driver: median(xs.map((c) => c.driver)),
    api: median(xs.map((c) => c.api)),
    apiSystem: median(xs.map((c) => c.apiSystem ?? 0)),
    pg: median(xs.map((c) => c.pg)),
  };
}
