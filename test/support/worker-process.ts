import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { QUEUE_PROCESSORS } from '../../apps/worker/src/processors/queue.processors';
import { freePort } from './own-redis';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(__dirname, 'fault-worker-main.ts');

/** BullMQ worker timing: how long a job's lock lives without renewal, and how often stalled jobs are looked for. */
export interface StallTiming {
  lockDuration: number;
  stalledInterval: number;
}

/** @nestjs/bullmq reads a processor's WorkerOptions (the second argument of @Processor) from this metadata key. */
const WORKER_METADATA = 'bullmq:worker_metadata';

/**
 * Gives every queue processor of the worker these lock/stalled timings, on top of its own options
 * (concurrency). The product reads them from WORKER_LOCK_DURATION_MS / WORKER_STALLED_INTERVAL_MS
 * (30 s each by default) once, when the processors' module is loaded; with those a test that kills a
 * worker mid-job would wait about a minute for the redelivery. This sets them the documented way
 * (@Processor's worker options) for workers created afterwards, in this process, whatever the
 * environment said when the module loaded. Returns a function that puts the product's options back.
 */
export function setStallTiming(t: StallTiming): () => void {
  const saved = QUEUE_PROCESSORS.map((cls) => Reflect.getOwnMetadata(WORKER_METADATA, cls) as object | undefined);
  QUEUE_PROCESSORS.forEach((cls, i) => Reflect.defineMetadata(WORKER_METADATA, { ...(saved[i] ?? {}), ...t }, cls));
  return () =>
    QUEUE_PROCESSORS.forEach((cls, i) =>
      saved[i] === undefined ? Reflect.deleteMetadata(WORKER_METADATA, cls) : Reflect.defineMetadata(WORKER_METADATA, saved[i], cls),
    );
}

export interface WorkerProcessOptions {
  /** Environment on top of this process's (DATABASE_URL, QUEUE_PREFIX, REDIS_URL, … are inherited). */
  env?: Record<string, string | undefined>;
  /** Lock/stalled timings for the child's BullMQ workers (see setStallTiming). */
  stallTiming?: StallTiming;
  /** How long to wait for the child to report ready. */
  bootTimeoutMs?: number;
}

/**
 * The real worker (WorkerModule, as apps/worker/src/main.ts boots it) in a child process, run from
 * the TypeScript sources with @swc-node/register, so a test can SIGKILL it mid-job.
 *
 * The child exits by itself when its stdin closes, i.e. when this process dies without cleaning up;
 * `killAllWorkerProcesses()` is for a process 'exit' hook, `kill()`/`stop()` for afterAll.
 */
export class WorkerProcess {
  private output = '';
  private exitInfo: string | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly healthPort: number,
  ) {
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = `exited with ${signal ?? code}`;
        live.delete(this);
        resolve();
      });
      child.once('error', (e) => {
        this.exitInfo = `could not start: ${e.message}`;
        live.delete(this);
        resolve();
      });
    });
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(o: WorkerProcessOptions = {}): Promise<WorkerProcess> {
    const healthPort = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...o.env, WORKER_HEALTH_PORT: String(healthPort) })) {
      if (v !== undefined) env[k] = v;
    }
    if (o.stallTiming) {
      env.FAULT_LOCK_DURATION_MS = String(o.stallTiming.lockDuration);
      env.FAULT_STALLED_INTERVAL_MS = String(o.stallTiming.stalledInterval);
    }
    const child = spawn(process.execPath, ['-r', '@swc-node/register', ENTRY], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.unref();
    for (const s of [child.stdin, child.stdout, child.stderr]) (s as unknown as net.Socket | null)?.unref?.();
    const w = new WorkerProcess(child, healthPort);
    live.add(w);
    try {
      await w.waitReady(o.bootTimeoutMs ?? 90_000);
    } catch (e) {
      await w.kill();
      throw e;
    }
    return w;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** The child's last output (logs), for failure messages. */
  log(): string {
    return this.output.slice(-4000);
  }

  /** SIGKILL (no shutdown hooks, no lock release: a crash); resolves when the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.exitInfo === null) this.child.kill(signal);
    await this.exited;
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after `ms`. */
  async stop(ms = 20_000): Promise<void> {
    if (this.exitInfo !== null) return;
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), ms);
    await this.exited;
    clearTimeout(t);
  }

  killNow(): void {
    try {
      this.child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }

  private async waitReady(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (this.output.includes('FAULT_WORKER_READY')) return;
      if (this.exitInfo) throw new Error(`worker child ${this.exitInfo} before it was ready:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`worker child not ready within ${ms} ms:\n${this.log()}`);
  }
}

const live = new Set<WorkerProcess>();

/** SIGKILLs every worker child still running (for a process 'exit' hook). */
export function killAllWorkerProcesses(): void {
  for (const w of live) w.killNow();
}
