import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { migrate, setup } from './setup';

/** `node dist/apps/cli/main.js setup|migrate` */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'setup';
  const config = loadConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (command === 'migrate') {
    const r = await migrate(config.databaseUrl);
    log(r.applied.length ? `Applied: ${r.applied.join(', ')}` : 'Schema is up to date.');
  } else if (command === 'setup') {
    await setup(config, log);
  } else {
    throw new Error(`Unknown command "${command}" (setup, migrate)`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
