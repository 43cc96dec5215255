import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { MIGRATIONS, ensureDatabase } from '@app/persistence';
import { findPgBin } from './pg-binaries';

const run = promisify(execFile);

/** What sits next to every dump (`<dump>.manifest.json`): when, from which schema, how many rows. */
export interface BackupManifest {
  format: 'cdcs-backup/1';
  createdAt: string;
  database: string;
  /** The last migration applied to the dumped database (schema_migration): the schema version. */
  schemaVersion: string;
  /** Rows of every table of the public schema, counted in the dump's own snapshot. */
  rowCounts: Record<string, number>;
  dumpFile: string;
  dumpBytes: number;
  pgDumpVersion: string;
}

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
}

export const DUMP_PREFIX = 'cdcs-';
export const DUMP_SUFFIX = '.dump';
export const MANIFEST_SUFFIX = '.manifest.json';

/** The migration names this code knows, oldest first (a dump of a later one is from newer code). */
export function knownMigrations(): string[] {
  return MIGRATIONS.map((M) => (new M() as { name?: string }).name ?? M.name);
}

function dbName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

/** pg's libpq wants the password etc. in the URL; pg_dump/pg_restore take it as --dbname. */
async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<string> {
  const bin = path.join(findPgBin(tool), tool);
  try {
    const { stdout } = await run(bin, args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const x = e as { stderr?: string; message: string };
    throw new Error(`${tool} failed: ${(x.stderr || x.message).trim()}`, { cause: e });
  }
}

async function rowCounts(c: Client): Promise<Record<string, number>> {
  const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename as string);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`)).rows[0].n);
  return counts;
}

/**
 * `npm run backup` and the worker's daily backup: a pg_dump (custom format, compressed) of the database
 * and its manifest, into `dir`. Consistent: the row counts and the dump read the same exported snapshot,
 * held by a REPEATABLE READ transaction while pg_dump runs. Written under a temporary name and renamed,
 * so a half-written dump never looks like a backup (docs/architecture.md#faults-and-backups).
 */
export async function backupDatabase(databaseUrl: string, dir: string, now = new Date()): Promise<BackupResult> {
  await mkdir(dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = `${DUMP_PREFIX}${dbName(databaseUrl)}-${stamp}`;
  const file = path.resolve(dir, `${base}${DUMP_SUFFIX}`);
  const manifestFile = `${file}${MANIFEST_SUFFIX}`;
  const partial = `${file}.partial`;
  const c = new Client({ connectionString: databaseUrl, application_name: 'cdcs-backup' });
  await c.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await c.query(`SELECT pg_export_snapshot() AS snapshot`)).rows;
    const [last] = (await c.query(`SELECT name FROM schema_migration ORDER BY "timestamp" DESC, id DESC LIMIT 1`)).rows;
    if (!last) throw new Error('the database has no applied migration (schema_migration is empty): nothing to back up');
    const counts = await rowCounts(c);
    await pgTool('pg_dump', [
      '--format=custom',
      '--compress=6',
      '--no-owner',
      '--no-acl',
      `--snapshot=${snapshot}`,
      `--file=${partial}`,
      `--dbname=${databaseUrl}`,
    ]);
    await c.query('COMMIT');
    const version = (await pgTool('pg_dump', ['--version'])).trim();
    await rename(partial, file);
    const manifest: BackupManifest = {
      format: 'cdcs-backup/1',
      createdAt: now.toISOString(),
      database: dbName(databaseUrl),
      schemaVersion: last.name,
      rowCounts: counts,
      dumpFile: path.basename(file),
      dumpBytes: (await stat(file)).size,
      pgDumpVersion: version,
    };
    await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return { file, manifestFile, manifest };
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/** Reads `<file>.manifest.json` (FILE may name the manifest itself). */
export async function readManifest(file: string): Promise<{ dump: string; manifest: BackupManifest }> {
  const dump = file.endsWith(MANIFEST_SUFFIX) ? file.slice(0, -MANIFEST_SUFFIX.length) : file;
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(`${dump}${MANIFEST_SUFFIX}`, 'utf8')) as BackupManifest;
  } catch (e) {
    throw new RestoreRefused(`no readable manifest ${dump}${MANIFEST_SUFFIX}: ${(e as Error).message}`);
  }
  return { dump, manifest };
}

/**
 * `npm run restore -- FILE`: the dump into DATABASE_URL's database, created when missing. Refuses a dump
 * whose schema version is a migration this code does not know (made by newer code), and a database that
 * has tables already unless `force` (then pg_restore --clean replaces what the dump holds). Afterwards the
 * row counts are compared with the manifest's. Apply later migrations with `migrate`.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  o: { force?: boolean } = {},
): Promise<{ manifest: BackupManifest; created: boolean; pendingMigrations: string[] }> {
  const { dump, manifest } = await readManifest(file);
  const known = knownMigrations();
  const at = known.indexOf(manifest.schemaVersion);
  if (at < 0) {
    throw new RestoreRefused(
      `the dump's schema version ${manifest.schemaVersion} is not a migration of this code (newest known: ${known[known.length - 1]}); restore it with the code that made it`,
    );
  }
  const created = await ensureDatabase(databaseUrl);
  const c = new Client({ connectionString: databaseUrl, application_name: 'cdcs-restore' });
  await c.connect();
  try {
    const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows;
    if (n > 0 && !o.force)
      throw new RestoreRefused(`database ${dbName(databaseUrl)} is not empty (${n} tables); restore into a new or empty database, or pass --force`);
    await pgTool('pg_restore', [
      '--no-owner',
      '--no-acl',
      '--exit-on-error',
      '--single-transaction',
      ...(n > 0 ? ['--clean', '--if-exists'] : []),
      `--dbname=${databaseUrl}`,
      dump,
    ]);
    const counts = await rowCounts(c);
    const differ = Object.entries(manifest.rowCounts).filter(([t, k]) => counts[t] !== k);
    if (differ.length) throw new Error(`restored row counts differ from the manifest: ${differ.map(([t, k]) => `${t} ${counts[t]} ≠ ${k}`).join(', ')}`);
  } finally {
    await c.end().catch(() => undefined);
  }
  return { manifest, created, pendingMigrations: known.slice(at + 1) };
}

/** Keeps the newest `keep` dumps of `dir` (by their time-stamped names) and their manifests; returns the removed. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const dumps = names.filter((f) => f.startsWith(DUMP_PREFIX) && f.endsWith(DUMP_SUFFIX)).sort((a, b) => stampOf(b).localeCompare(stampOf(a)));
  const old = dumps.slice(Math.max(0, keep));
  for (const f of old) {
    await rm(path.join(dir, f), { force: true });
    await rm(path.join(dir, `${f}${MANIFEST_SUFFIX}`), { force: true });
  }
  return old;
}

/** The YYYYMMDDTHHMMSSZ of a dump's name (the database's name may hold dashes too). */
function stampOf(name: string): string {
  return /(\d{8}T\d{6}Z)\.dump$/.exec(name)?.[1] ?? '';
}
