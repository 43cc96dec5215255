import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { appSessionOptions, dataSourceOptions } from './data-source-options';

/** The app's one DataSource; migrations are run by the CLI (`setup`), never on app boot. */
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
})
export class DatabaseModule {}
