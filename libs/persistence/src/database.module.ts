import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { appSessionOptions, dataSourceOptions } from './data-source-options';
import { ReadDb } from './read-db/read-db';

/**
 * The app's DataSource (the primary; migrations are run by the CLI `setup`, never on app boot) and ReadDb, which sends
 * the lag-tolerant reads to DATABASE_READ_URL's replica when there is one (docs/architecture.md#read-replica).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, {
          extra: {
            max: config.dbPoolMax,
            application_name: 'cdcs',
            options: appSessionOptions({ statementTimeoutMs: config.dbStatementTimeoutMs, lockTimeoutMs: config.dbLockTimeoutMs }),
            // A connect that hangs (a Postgres that does not answer) fails instead of queueing requests for ever.
            connectionTimeoutMillis: 10_000,
          },
        }),
        retryAttempts: 5,
        retryDelay: 2000,
      }),
    }),
  ],
  providers: [ReadDb],
  exports: [ReadDb],
})
export class DatabaseModule {}
