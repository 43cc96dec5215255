import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { RestoreRefused, backupDatabase, pruneBackups, restoreDatabase } from '@app/core';
import { migrate, setup } from './setup';

/** `node dist/apps/cli/main.js setup|migrate|backup|restore FILE [--force]` */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'setup';
  const config = loadConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (command === 'migrate') {
    const r = await migrate(config.databaseUrl);
    log(r.applied.length ? `Applied: ${r.applied.join(', ')}` : 'Schema is up to date.');
  } else if (command === 'setup') {
    await setup(config, log);
  } else if (command === 'backup') {
    // docs/architecture.md#faults-and-backups
    const r = await backupDatabase(config.databaseUrl, config.backupDir);
    log(`Backup written: ${r.file} (${r.manifest.dumpBytes} bytes, schema ${r.manifest.schemaVersion}); manifest ${r.manifestFile}`);
  } else if (command === 'prune-backups') {
    const removed = await pruneBackups(config.backupDir, config.backupKeep);
    log(removed.length ? `Removed: ${removed.join(', ')}` : 'Nothing to remove.');
  } else if (command === 'restore') {
    const args = process.argv.slice(3);
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new RestoreRefused('usage: npm run restore -- FILE [--force]');
    const r = await restoreDatabase(config.databaseUrl, file, { force: args.includes('--force') });
    const db = new URL(config.databaseUrl).pathname.slice(1);
    log(`Restored ${file} into ${r.created ? 'the new database' : 'database'} ${db} (schema ${r.manifest.schemaVersion}).`);
    if (r.pendingMigrations.length)
      log(`Migrations newer than the dump: ${r.pendingMigrations.join(', ')}; run \`node <cli> migrate\` (or npm start) to apply them.`);
  } else {
    throw new Error(`Unknown command "${command}" (setup, migrate, backup, prune-backups, restore FILE [--force])`);
  }
}

main().catch((e) => {
  // Refusals and Postgres's own errors (a missing database, a refused connection) say enough without a stack.
  const plain = e instanceof ConfigError || e instanceof RestoreRefused || typeof (e as { code?: unknown }).code === 'string';
  process.stderr.write(`${plain ? `${e.message}` : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
