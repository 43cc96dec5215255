import { Client } from 'pg';
import { columnLabel } from '@app/domain';
import { AUDITED_TABLES } from '@app/persistence';

/**
 * The audit log lists changed fields by their Vietnamese names (libs/domain/src/audit-labels-columns.ts): every
 * column of every audited table in the migrated database must have one, so a migration adding a column to an
 * audited table fails here until it is named. Read-only on the run's database.
 */
describe('audit log column labels', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  it('name every column of every audited table', async () => {
    const tables = AUDITED_TABLES.map(([t]) => t);
    const { rows } = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1::text[])
        ORDER BY table_name, ordinal_position`,
      [tables],
    );
    expect(new Set(rows.map((r) => r.table_name)).size).toBe(tables.length);
    const unnamed = rows.filter((r) => columnLabel(r.table_name, r.column_name) === r.column_name).map((r) => `${r.table_name}.${r.column_name}`);
    expect(unnamed).toEqual([]);
  });
});
