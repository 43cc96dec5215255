// Entry for the TypeORM CLI (`npm run migration:generate` / `migration:run`).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

// The same DATABASE_URL, default and validation as the apps and `setup`/`migrate` (apps/cli).
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
