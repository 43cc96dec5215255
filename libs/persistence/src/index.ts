export * from './entities';
export * from './data-source-options';
export * from './ensure-database';
export { MIGRATIONS, ROOT_ORG_UNIT_ID } from './migrations';
export * from './database.module';
export { AUDITED_TABLES, UNAUDITED_TABLES } from './migrations';
export * from './audit/audit-session';
export * from './db-errors';
export * from './read-db/read-db';
