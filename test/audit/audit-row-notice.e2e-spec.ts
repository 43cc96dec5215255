import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuditContext, auditContext, auditRowWritten } from '@app/persistence';
import { dropDatabase, ownMigratedDatabase } from '../support/own-database';

jest.setTimeout(120_000);

/**
 * The API skips its own audit_log INSERT after a mutation when a row trigger already wrote the row: audit_capture
 * raises a notice with the statement's answer (docs/architecture.md#audit-log). Anything that may have undone
 * the trigger's row (a failed statement, a ROLLBACK, a rollback to a savepoint) must make auditRowWritten answer
 * false, so that the API writes the row itself. On real Postgres, in a database of this suite's own (the rows
 * written here would show in the other suites' audit log).
 */
describe('audit rows announced by the capture trigger', () => {
  let ownUrl: string;
  let db: Client;
  let n = 0;
  // Distinct far days, so that every test inserts rows of its own.
  const nextDay = () => `2091-01-${String(++n).padStart(2, '0')}`;

  beforeAll(async () => {
    ownUrl = await ownMigratedDatabase('auditrow');
    db = new Client({ connectionString: ownUrl });
    await db.connect();
    await db.query(`
      CREATE FUNCTION fail_on_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.note = 'fail' THEN RAISE EXCEPTION 'failing after the audit trigger'; END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "TRG_calendar_day_zz_fail" AFTER INSERT ON calendar_day FOR EACH ROW EXECUTE FUNCTION fail_on_note()`);
  });
  afterAll(async () => {
    await db?.end();
    if (ownUrl) await dropDatabase(ownUrl);
  });

  const newContext = (): AuditContext => ({
    key: randomUUID(),
    operation: 'test',
    actorId: null,
    actorEmail: null,
    actorRole: null,
    actorUnitId: null,
    ip: null,
    requestId: null,
  });
  const insertDay = (day: string) => db.query(`INSERT INTO calendar_day (day, kind) VALUES ($1, 'DAY_OFF')`, [day]);
  const rowsOf = async (ctx: AuditContext) => (await db.query(`SELECT entity, entity_id FROM audit_log WHERE key = $1`, [ctx.key])).rows;

  it('knows the row is there after an autocommit change and after a committed transaction', async () => {
    const a = newContext();
    const dayA = nextDay();
    await auditContext.run(a, () => insertDay(dayA));
    expect(auditRowWritten(a)).toBe(true);
    expect(await rowsOf(a)).toEqual([{ entity: 'calendar_day', entity_id: dayA }]);

    const b = newContext();
    await auditContext.run(b, async () => {
      await db.query('BEGIN');
      await insertDay(nextDay());
      await insertDay(nextDay());
      await db.query('COMMIT');
    });
    expect(auditRowWritten(b)).toBe(true);
    expect(await rowsOf(b)).toHaveLength(1);
  });

  it('answers false when nothing audited changed, and for a context whose connection another context used before', async () => {
    const writer = newContext();
    await auditContext.run(writer, () => insertDay(nextDay()));
    const reader = newContext();
    await auditContext.run(reader, () => db.query(`SELECT count(*) FROM calendar_day`));
    expect(auditRowWritten(writer)).toBe(true);
    expect(auditRowWritten(reader)).toBe(false);
    expect(await rowsOf(reader)).toEqual([]);
  });

  it('forgets the notice when the transaction rolls back, or only its savepoint', async () => {
    const rolledBack = newContext();
    await auditContext.run(rolledBack, async () => {
      await db.query('BEGIN');
      await insertDay(nextDay());
      await db.query('ROLLBACK');
    });
    expect(auditRowWritten(rolledBack)).toBe(false);
    expect(await rowsOf(rolledBack)).toEqual([]);

    const savepoint = newContext();
    await auditContext.run(savepoint, async () => {
      await db.query('BEGIN');
      await db.query('SAVEPOINT s');
      await insertDay(nextDay());
      await db.query('ROLLBACK TO SAVEPOINT s');
      await db.query('COMMIT');
    });
    expect(auditRowWritten(savepoint)).toBe(false);
    expect(await rowsOf(savepoint)).toEqual([]);
  });

  it('forgets the notice when the statement fails after its trigger fired, promise or callback', async () => {
    // A trigger firing after audit_capture (names order them) fails the statement once the notice has gone out.
    const failing = `INSERT INTO calendar_day (day, kind, note) VALUES ($1, 'DAY_OFF', 'fail')`;
    const promised = newContext();
    await auditContext.run(promised, () => expect(db.query(failing, [nextDay()])).rejects.toMatchObject({ code: 'P0001' }));
    expect(auditRowWritten(promised)).toBe(false);
    expect(await rowsOf(promised)).toEqual([]);

    const calledBack = newContext();
    const error = await auditContext.run(
      calledBack,
      () => new Promise<unknown>((resolve) => void db.query(failing, [nextDay()], (err: unknown) => resolve(err))),
    );
    expect(error).toMatchObject({ code: 'P0001' });
    expect(auditRowWritten(calledBack)).toBe(false);
    expect(await rowsOf(calledBack)).toEqual([]);

    // The same statement without the failure: announced, so the failure above is what made the difference.
    const succeeded = newContext();
    await auditContext.run(succeeded, () => db.query(`INSERT INTO calendar_day (day, kind, note) VALUES ($1, 'DAY_OFF', 'ok')`, [nextDay()]));
    expect(auditRowWritten(succeeded)).toBe(true);
  });
});
