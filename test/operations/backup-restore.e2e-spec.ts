import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { BackupManifest, RestoreRefused, backupDatabase, knownMigrations, pruneBackups, restoreDatabase } from '@app/core';
import { JobName, QueueName } from '@app/queue';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from '../../apps/cli/src/demo-data';
import { migrate } from '../../apps/cli/src/setup';
import { OwnPostgres, stopAllOwnPostgres } from '../support/own-postgres';
import { TestApi } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

/**
 * Backup and restore (docs/architecture.md#faults-and-backups) on a Postgres of this file's own: the demo
 * province backed up, restored into another database, every table compared (rows and a checksum), the
 * copy migrated and the API booted on it; a dump of a newer schema and a non-empty target refused; the
 * daily backup of the worker keeping the newest BACKUP_KEEP.
 */

jest.setTimeout(180_000);
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let pg: OwnPostgres;
let dir: string;
let srcUrl: string;
let backup: { file: string; manifest: BackupManifest };
const saved: Record<string, string | undefined> = {};
process.once('exit', stopAllOwnPostgres);

function setEnv(name: string, value: string): void {
  if (!(name in saved)) saved[name] = process.env[name];
  process.env[name] = value;
}

async function withClient<T>(url: string, f: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Every public table: its row count and the md5 of its rows as text, in one order. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  return withClient(url, async (c) => {
    const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.tablename as string);
    const out: Record<string, { rows: number; md5: string | null }> = {};
    for (const t of tables) {
      const [r] = (await c.query(`SELECT count(*)::int AS rows, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS md5 FROM "${t}" x`)).rows;
      out[t] = r;
    }
    return out;
  });
}

async function databaseExists(name: string): Promise<boolean> {
  return withClient(pg.url(), async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
}

beforeAll(async () => {
  pg = await OwnPostgres.start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'cdcs-backups-'));
  srcUrl = await pg.createDatabase('cdcs_src');
  setEnv('DATABASE_URL', srcUrl);
  const api = await TestApi.start();
  try {
    await loadDemoData(api.app);
  } finally {
    await api.close();
  }
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await pg?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
  process.removeListener('exit', stopAllOwnPostgres);
});

describe('backup and restore', () => {
  it('backs up the populated database: a custom-format dump and a manifest (time, schema version, row counts)', async () => {
    backup = await backupDatabase(srcUrl, dir, new Date('2026-01-02T03:04:05Z'));
    expect(path.basename(backup.file)).toBe('cdcs-cdcs_src-20260102T030405Z.dump');
    expect((await readFile(backup.file)).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    const onDisk = JSON.parse(await readFile(`${backup.file}.manifest.json`, 'utf8')) as BackupManifest;
    expect(onDisk).toEqual(backup.manifest);
    expect(onDisk.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(onDisk.schemaVersion).toBe(knownMigrations().at(-1));
    const source = await fingerprint(srcUrl);
    expect(onDisk.rowCounts).toEqual(Object.fromEntries(Object.entries(source).map(([t, f]) => [t, f.rows])));
    expect(onDisk.rowCounts.enterprise).toBeGreaterThan(10);
    expect(onDisk.rowCounts.founding_case).toBeGreaterThan(5);
  });

  it('restores into a new database: every table has the same rows (count and checksum); then migrates and boots the API on the copy', async () => {
    const copyUrl = pg.url('cdcs_copy');
    const r = await restoreDatabase(copyUrl, backup.file);
    expect(r).toMatchObject({ created: true, pendingMigrations: [] });
    const [source, copy] = [await fingerprint(srcUrl), await fingerprint(copyUrl)];
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    expect(Object.keys(source).length).toBeGreaterThan(20);
    expect(copy).toEqual(source);

    expect((await migrate(copyUrl)).applied).toEqual([]);
    setEnv('DATABASE_URL', copyUrl);
    const api = await TestApi.start();
    try {
      const supervisor = DEMO_USERS.find((u) => u.role === 'SUPERVISOR')!;
      const token = await api.login(supervisor.email, DEMO_PASSWORD);
      const d = await api.ok(`{ me { email role } foundingCases(first: 5) { totalCount } }`, {}, token);
      expect(d.me).toEqual({ email: supervisor.email, role: 'SUPERVISOR' });
      expect(d.foundingCases.totalCount).toBeGreaterThan(0);
    } finally {
      await api.close();
      setEnv('DATABASE_URL', srcUrl);
    }
  });

  it('refuses a database that is not empty, and (with --force) replaces what it holds', async () => {
    const copyUrl = pg.url('cdcs_copy');
    await expect(restoreDatabase(copyUrl, backup.file)).rejects.toThrow(/is not empty/);
    await withClient(copyUrl, (c) => c.query(`DELETE FROM calendar_day WHERE day IN (SELECT day FROM calendar_day LIMIT 3)`));
    await restoreDatabase(copyUrl, backup.file, { force: true });
    expect(await fingerprint(copyUrl)).toEqual(await fingerprint(srcUrl));
  });

  it('refuses a dump of a newer schema (a migration this code does not know), creating nothing', async () => {
    const newer = path.join(dir, 'newer', 'cdcs-future-20990101T000000Z.dump');
    await rm(path.dirname(newer), { recursive: true, force: true });
    await run('mkdir', ['-p', path.dirname(newer)]);
    await copyFile(backup.file, newer);
    await writeFile(`${newer}.manifest.json`, JSON.stringify({ ...backup.manifest, schemaVersion: 'SomethingLater1899999999999' }));
    const refused = restoreDatabase(pg.url('cdcs_newer'), newer);
    await expect(refused).rejects.toBeInstanceOf(RestoreRefused);
    await expect(restoreDatabase(pg.url('cdcs_newer'), newer)).rejects.toThrow(/SomethingLater1899999999999 is not a migration of this code/);
    expect(await databaseExists('cdcs_newer')).toBe(false);
  });

  it('npm run backup / restore: the CLI writes a dump and refuses a newer schema with exit 1', async () => {
    const cliDir = path.join(dir, 'cli');
    const env = { ...process.env, DATABASE_URL: srcUrl, BACKUP_DIR: cliDir, LOG_LEVEL: 'error' };
    const cli = (...args: string[]) => run('bash', ['scripts/backup.sh', ...args], { cwd: ROOT, env });
    const out = await cli('backup');
    expect(out.stdout).toMatch(/Backup written: .*cdcs-cdcs_src-\d{8}T\d{6}Z\.dump/);
    const files = await readdir(cliDir);
    expect(files.filter((f) => f.endsWith('.dump'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.dump.manifest.json'))).toHaveLength(1);
    const err = await run('bash', ['scripts/backup.sh', 'restore', path.join(dir, 'newer', 'cdcs-future-20990101T000000Z.dump')], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: pg.url('cdcs_cli_newer') },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a migration of this code/) });
  });

  it('keeps the newest N dumps (and their manifests) and removes the older', async () => {
    const keepDir = path.join(dir, 'keep');
    const stamps = ['2026-03-01T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-03T02:00:00Z', '2026-03-04T02:00:00Z'];
    for (const s of stamps) await backupDatabase(srcUrl, keepDir, new Date(s));
    const removed = await pruneBackups(keepDir, 2);
    expect(removed.sort()).toEqual(['cdcs-cdcs_src-20260301T020000Z.dump', 'cdcs-cdcs_src-20260302T020000Z.dump']);
    expect((await readdir(keepDir)).sort()).toEqual([
      'cdcs-cdcs_src-20260303T020000Z.dump',
      'cdcs-cdcs_src-20260303T020000Z.dump.manifest.json',
      'cdcs-cdcs_src-20260304T020000Z.dump',
      'cdcs-cdcs_src-20260304T020000Z.dump.manifest.json',
    ]);
  });

  it('the worker schedules the daily backup and its job writes a dump, keeping BACKUP_KEEP', async () => {
    const workerDir = path.join(dir, 'worker');
    for (const s of ['2026-04-01T02:00:00Z', '2026-04-02T02:00:00Z']) await backupDatabase(srcUrl, workerDir, new Date(s));
    setEnv('BACKUP_DIR', workerDir);
    setEnv('BACKUP_KEEP', '2');
    setEnv('WORKER_SCHEDULERS', 'true');
    const worker = await TestWorker.start();
    try {
      const system = worker.queue(QueueName.SYSTEM);
      const scheduler = await eventually(() => system.getJobScheduler(JobName.BACKUP_DATABASE), 30_000);
      expect(scheduler).toMatchObject({ key: JobName.BACKUP_DATABASE, pattern: '0 2 * * *', tz: 'Asia/Ho_Chi_Minh' });
      const job = await system.add(JobName.BACKUP_DATABASE, {}, { jobId: `backup-test-${Date.now()}` });
      await eventually(async () => (await job.getState()) === 'completed', 60_000, 250);
      const dumps = (await readdir(workerDir)).filter((f) => f.endsWith('.dump')).sort();
      expect(dumps).toHaveLength(2);
      expect(dumps[0]).toBe('cdcs-cdcs_src-20260402T020000Z.dump'); // the oldest went
      expect(dumps[1]).not.toMatch(/2026040[12]/);
    } finally {
      await worker.close();
    }
  });
});
