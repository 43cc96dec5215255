import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';

/**
 * A Redis of a test's own, on a spare port, that the test can stop, restart (same port) and flush:
 * `redis-server` as a child process (daemonize no), from $CDCS_REDIS_SERVER (set by `npm test`)
 * else the one on PATH. No persistence is configured (`--save ''`, no AOF); `stop({ keepData: true })`
 * takes one explicit SAVE first, so the restarted server loads what it held (a restart of a
 * persistent Redis), and `stop()` without it comes back empty (a replaced Redis).
 *
 * Cleanup: `dispose()` in afterAll; besides, every server has a watchdog (`sh`, reading a pipe from
 * this process) that SIGKILLs it when this process dies without cleaning up (a crashed or killed jest),
 * and all handles are unref'd so a forgotten server never keeps jest alive.
 */
export class OwnRedis {
  private proc: ChildProcess | null = null;
  private watchdog: ChildProcess | null = null;
  private exited: Promise<void> | null = null;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== null;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Starts a server on a free port (found by binding port 0; retried if someone takes it first). */
  static async start(): Promise<OwnRedis> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = new OwnRedis(await freePort(), mkdtempSync(path.join(os.tmpdir(), 'cdcs-own-redis-')));
      try {
        await r.launch();
        return r;
      } catch (e) {
        lastError = e;
        await r.dispose();
      }
    }
    throw lastError;
  }

  /** Starts the server again on the same port (after stop()). */
  async restart(): Promise<void> {
    if (this.proc) throw new Error(`own Redis on ${this.port} is already running`);
    await this.launch();
  }

  /** Kills the server (SIGKILL, like a crash or a lost host); with keepData, SAVEs first so a restart loads it. */
  async stop(o: { keepData?: boolean } = {}): Promise<void> {
    if (!this.proc) return;
    if (o.keepData) {
      const c = this.client();
      try {
        await c.save();
      } finally {
        c.disconnect();
      }
    }
    await this.kill();
    if (!o.keepData) rmSync(path.join(this.dir, 'dump.rdb'), { force: true });
  }

  /** FLUSHALL, as a lost or replaced Redis would look to the apps while they run. */
  async flushAll(): Promise<void> {
    const c = this.client();
    try {
      await c.flushall();
    } finally {
      c.disconnect();
    }
  }

  /** A plain client for the test (the caller disconnects it); fails fast while the server is down. */
  client(): Redis {
    const c = new Redis({
      host: '127.0.0.1',
      port: this.port,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: 2000,
      retryStrategy: () => null,
    });
    c.on('error', () => undefined);
    return c;
  }

  /** Stops the server for good and removes its folder. */
  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }

  /** The server's log (for failure messages). */
  log(): string {
    const f = path.join(this.dir, 'redis.log');
    return existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-30).join('\n') : '';
  }

  /** Synchronous last resort (process exit): SIGKILL without waiting. */
  killNow(): void {
    try {
      this.watchdog?.kill('SIGKILL');
    } catch {
      /* gone */
    }
    try {
      this.proc?.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }

  private async kill(): Promise<void> {
    const proc = this.proc;
    const exited = this.exited;
    // The watchdog first, so it can never kill a pid the system gave to someone else afterwards.
    if (this.watchdog) {
      this.watchdog.kill('SIGKILL');
      this.watchdog = null;
    }
    if (!proc) return;
    proc.kill('SIGKILL');
    await exited;
    this.proc = null;
    this.exited = null;
  }

  private async launch(): Promise<void> {
    const bin = process.env.CDCS_REDIS_SERVER || 'redis-server';
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
      '--dir',
      this.dir,
      '--dbfilename',
      'dump.rdb',
      '--logfile',
      path.join(this.dir, 'redis.log'),
    ];
    const proc = spawn(bin, args, { stdio: 'ignore' });
    let exitInfo: string | null = null;
    this.exited = new Promise<void>((resolve) => {
      proc.once('exit', (code, signal) => {
        exitInfo = `exited with ${signal ?? code}`;
        if (this.proc === proc) this.proc = null;
        resolve();
      });
      proc.once('error', (e) => {
        exitInfo = `could not start ${bin}: ${e.message}`;
        if (this.proc === proc) this.proc = null;
        resolve();
      });
    });
    proc.unref();
    this.proc = proc;
    live.add(this);
    if (proc.pid) {
      const dog = spawn('sh', ['-c', 'read _ignored; kill -9 "$1" 2>/dev/null', 'own-redis-watchdog', String(proc.pid)], {
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      dog.unref();
      (dog.stdin as unknown as net.Socket | null)?.unref?.();
      dog.on('error', () => undefined);
      this.watchdog = dog;
    }
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      if (exitInfo) throw new Error(`own Redis on port ${this.port} ${exitInfo}\n${this.log()}`);
      if (await pong(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    await this.kill();
    throw new Error(`own Redis on port ${this.port} did not answer PING within 15 s\n${this.log()}`);
  }
}

const live = new Set<OwnRedis>();

/** SIGKILLs every own Redis still running (for a process 'exit' hook). */
export function killAllOwnRedis(): void {
  for (const r of live) r.killNow();
}

/** A TCP port free right now on 127.0.0.1 (bind port 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Does a Redis answer PING on the port? (raw RESP, no client library, 1 s) */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once('error', () => done(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}
