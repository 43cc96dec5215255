import { ChildProcess, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A bench host (API, worker, raw worker) run as its own Node process, so its memory and CPU are its own. */
export class Host {
  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly info: Record<string, any>,
    readonly bootMs: number,
  ) {}

  static async start(name: string, script: string, env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<Host> {
    const t0 = Date.now();
    // BENCH_CPU_PROF=api,worker (with BENCH_CPU_PROF_DIR) writes V8 CPU profiles of those hosts on exit; see bench/tools/profile-summary.ts.
    const profiled = (process.env.BENCH_CPU_PROF ?? '').split(',').includes(name);
    const profArgs = profiled
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? '/tmp/cdcs-bench-prof'}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
      : [];
    const child = fork(path.join(__dirname, '..', 'hosts', script), [], {
      // --expose-gc: only the soak calls it (Host.collect), to measure retained memory.
      execArgv: ['-r', '@swc-node/register', '--expose-gc', ...profArgs],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const info = await new Promise<Record<string, any>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
      child.once('message', (m: any) => {
        clearTimeout(timer);
        resolve(m);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} while starting`));
      });
    });
    return new Host(name, child, info, Date.now() - t0);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** VmRSS and VmHWM (peak RSS) in bytes from /proc. */
  memory(): { rss: number; hwm: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  }

  /** A full collection in the host (API and worker hosts), then its RSS and heap in use. */
  async collect(timeoutMs = 30_000): Promise<{ rss: number; heapUsed: number }> {
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not answer gc`)), timeoutMs);
      const on = (m: { type?: string; heapUsed?: number }) => {
        if (m?.type !== 'gc-done') return;
        clearTimeout(timer);
        this.child.off('message', on);
        resolve(m.heapUsed!);
      };
      this.child.on('message', on);
    });
    this.child.send({ type: 'gc' });
    const heapUsed = await done;
    return { rss: this.memory().rss, heapUsed };
  }

  /** Resets the peak RSS to the current RSS (Linux clear_refs 5), to measure one phase's peak. */
  resetPeak(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
