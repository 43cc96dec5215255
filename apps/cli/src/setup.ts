import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/core';
import { ROOT_ORG_UNIT_ID, dataSourceOptions, ensureDatabase } from '@app/persistence';
import { CliModule } from './cli.module';
import { DEMO_PASSWORD, loadDemoData } from './demo-data';
import { DEMO_GRASSROOTS_USERS } from './demo-grassroots';

/** Creates the database if missing and applies pending migrations; returns what it did. */
export async function migrate(databaseUrl: string): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabase(databaseUrl);
  const ds = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 1 } }));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return { created, applied: applied.map((m) => m.name) };
  } finally {
    await ds.destroy();
  }
}

/** `setup`: database, migrations, the ADMIN_EMAIL user, demo data into an empty database. */
export async function setup(config: AppConfig, log: (line: string) => void): Promise<void> {
  const { created, applied } = await migrate(config.databaseUrl);
  const dbName = new URL(config.databaseUrl).pathname.slice(1);
  log(created ? `Created database ${dbName}.` : `Database ${dbName} exists.`);
  log(applied.length ? `Applied migrations: ${applied.join(', ')}.` : 'Schema is up to date.');
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    if (config.adminEmail && config.adminPassword) {
      const made = await app.get(UsersService).ensureAdmin(config.adminEmail, config.adminPassword, ROOT_ORG_UNIT_ID);
      log(made ? `Created admin ${config.adminEmail}.` : `Admin ${config.adminEmail} exists.`);
    }
    if (config.demoData) {
      const db = app.get(DataSource);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM enterprise`);
      if (n === 0) {
        const logins = await loadDemoData(app);
        log(`Loaded demo data. Demo logins (password ${DEMO_PASSWORD}):`);
        for (const l of [...logins, ...DEMO_GRASSROOTS_USERS]) log(`  ${l.role.padEnd(10)} ${l.email}  (${l.fullName})`);
      } else {
        log('Database holds data already; demo data not loaded.');
      }
    }
  } finally {
    await app.close();
  }
}
