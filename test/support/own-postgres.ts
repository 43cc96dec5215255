import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { findPgBin } from '../../libs/core/src/backup/pg-binaries';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { ensureDatabase } from '../../libs/persistence/src/ensure-database';
import { freePort } from './own-redis';

const run = promisify(execFile);

/**
 * A Postgres of the test's own (never the shared one): initdb into a temp folder, started on a free
 * port, stopped, restarted or its backends terminated by the test. Binaries as scripts/lib/services.sh
 * finds them; as root, run as the `postgres` OS user (Postgres refuses root), like _cdcs_pg_as there.
 * A watchdog `sh` stops it (immediate) when this process dies without disposing of it.
 */
export class OwnPostgres {
  private watchdog: ChildProcess | null = null;
  /** Whether the server runs (as far as this object started and stopped it). */
  running = false;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
    private readonly runAs: string[],
    /** Extra server settings (`-c name=value …`): a replication primary's, a standby's. */
    private readonly settings = '',
  ) {}

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** A postgres:// URL of a database on this server. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * initdb and start. `replication`: a primary that streams to standbys (wal_level=replica, WAL senders, a
   * `replication` line in pg_hba.conf), see `standbyOf`.
   */
  static async start(opts: { replication?: boolean } = {}): Promise<OwnPostgres> {
    const settings = opts.replication ? '-c wal_level=replica -c max_wal_senders=10 -c max_replication_slots=10 -c full_page_writes=on' : '';
    const pg = await OwnPostgres.create(settings);
    await pg.as('initdb', ['-D', pg.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    if (opts.replication) appendFileSync(path.join(pg.dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    await pg.launch();
    pg.guard();
    return pg;
  }

  /**
   * A streaming hot standby of `primary` (started with `replication`): `pg_basebackup -R` (the standby.signal and
   * primary_conninfo) into a folder of its own, started on a port of its own, read-only, replaying the primary's WAL.
   */
  static async standbyOf(primary: OwnPostgres): Promise<OwnPostgres> {
    const pg = await OwnPostgres.create('-c hot_standby=on -c hot_standby_feedback=on');
    await pg.as('pg_basebackup', [
      '-D',
      pg.dataDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '--no-sync',
    ]);
    await pg.launch();
    pg.guard();
    return pg;
  }

  private static async create(settings: string): Promise<OwnPostgres> {
    const bin = findPgBin('initdb');
    const root = process.getuid?.() === 0;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdcs-own-pg-'));
    const runAs = root ? ['runuser', '-u', 'postgres', '--'] : [];
    if (root) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    const pg = new OwnPostgres(await freePort(), dir, bin, runAs, settings);
    live.add(pg);
    return pg;
  }

  /** The watchdog that stops the server when this process dies without disposing of it. */
  private guard(): void {
    const { runAs, bin } = this;
    const dog = spawn('sh', ['-c', 'read _ignored; "$@" -D "$0" -m immediate stop >/dev/null 2>&1', this.dataDir, ...runAs, path.join(bin, 'pg_ctl')], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    dog.unref();
    (dog.stdin as unknown as net.Socket | null)?.unref?.();
    dog.on('error', () => undefined);
    this.watchdog = dog;
  }

  /** Creates the database (if missing) and runs every migration on it; returns its URL. */
  async createDatabase(name: string): Promise<string> {
    const url = this.url(name);
    await ensureDatabase(url);
    const ds = new DataSource(dataSourceOptions(url, { extra: { max: 1 } }));
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    return url;
  }

  /** Stops the server: 'fast' (backends terminated, clean shutdown) or 'immediate' (like a crash). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.as('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  /** Starts it again on the same port and data. */
  async launch(): Promise<void> {
    await this.as('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dataDir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 ${this.settings}`,
      'start',
    ]);
    this.running = true;
  }

  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.stop(mode);
    await this.launch();
  }

  /** pg_terminate_backend on every backend of the database but this call's own; returns how many. */
  async terminateBackends(database: string, applicationName?: string): Promise<number> {
    const c = new Client({ connectionString: this.url('postgres') });
    await c.connect();
    try {
      const r = await c.query(
        `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR application_name = $2)) t`,
        [database, applicationName ?? null],
      );
      return r.rows[0].n as number;
    } finally {
      await c.end();
    }
  }

  /** The server log's last lines (for failure messages). */
  log(): string {
    const f = path.join(this.dataDir, 'server.log');
    return existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-30).join('\n') : '';
  }

  /** Stops the server for good and removes its folder. */
  async dispose(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already stopped
    }
    this.watchdog?.kill('SIGKILL');
    this.watchdog = null;
    rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }

  private async as(tool: string, args: string[]): Promise<void> {
    const [cmd, ...rest] = this.runAs.length ? [...this.runAs, path.join(this.bin, tool)] : [path.join(this.bin, tool)];
    try {
      await run(cmd, [...rest, ...args], { cwd: '/' });
    } catch (e) {
      const x = e as { stderr?: string; message: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${x.stderr || x.message}\n${this.log()}`, { cause: e });
    }
  }
}

const live = new Set<OwnPostgres>();

/** Stops every own Postgres still running (synchronously enough for a process 'exit' hook: fire and forget). */
export function stopAllOwnPostgres(): void {
  for (const pg of live) void pg.dispose().catch(() => undefined);
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

/** One statement on a fresh connection: a test's own connections die with a server it stops. */
export async function oneStatement<T = any>(url: string, applicationName: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url, application_name: applicationName });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end().catch(() => undefined);
  }
}
