import { Client } from 'pg';
import { AUDIT_SCRUB_V2 } from '../../libs/persistence/src/migrations/1795496897650-audit-faster-capture';

/**
 * audit_scrub (docs/architecture.md#audit-log) returns small objects without the masked keys as they are; every
 * object must come out exactly as the rules make it. The rules alone (the previous function, as a temporary one)
 * are the reference; the cases sit on both sides of each limit. A pure function: read-only on the run's database.
 */
describe('audit_scrub', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(`CREATE ${AUDIT_SCRUB_V2.replace('FUNCTION audit_scrub(', 'FUNCTION pg_temp.audit_scrub_rules(')}`);
  });
  afterAll(async () => {
    await db?.end();
  });

  const scrub = async (value: unknown) => {
    const { rows } = await db.query(`SELECT audit_scrub($1::jsonb) AS scrubbed, pg_temp.audit_scrub_rules($1::jsonb) AS rules`, [
      value === null ? null : JSON.stringify(value),
    ]);
    return rows[0] as { scrubbed: unknown; rules: unknown };
  };
  /** A string value whose object's JSON text is exactly `total` characters: {"s": "…"}. */
  const objectOfLength = (total: number, fill = 'a') => ({ s: fill.repeat(total - '{"s": ""}'.length) });

  const cases: [string, unknown][] = [
    ['an empty object', {}],
    ['a case row change', { stage: 'OUTREACH', version: 4, stage_due_on: '2026-12-20' }],
    ['an evidence row', { id: 'b1c3', kind: 'OUTREACH', details: { workersReached: 120, workersInterested: 45 }, occurred_on: '2026-12-06', note: null }],
    ['Vietnamese text (several bytes a character)', { name: 'Công đoàn cơ sở Công ty TNHH Điện tử Thái Bình', comment: 'Tuyên truyền tại ca sáng' }],
    ['a citizen id in a small object', { citizen_id: '034201001234', full_name: 'Nguyễn Văn A' }],
    ['a personal id', { personal_id: '001099012345' }],
    ['a citizen id that is not a string', { citizen_id: 34201001234 }],
    ['a password hash', { password_hash: '$2b$10$abcdefghijklmnopqrstuv', email: 'a@x.vn' }],
    ['an object of exactly 500 characters', objectOfLength(500)],
    ['an object of 501 characters, no long value', { a: 'x'.repeat(240), b: 'y'.repeat(240) }],
    ['a string of 500 characters', { s: 'a'.repeat(500) }],
    ['a string of 501 characters', { s: 'a'.repeat(501) }],
    ['a string of 501 characters of two bytes each', { s: 'đ'.repeat(501) }],
    ['escaped characters (the text is longer than the string)', { s: '\u0001'.repeat(100) }],
    ['a nested object of 2,000 characters', { o: { s: 'b'.repeat(2000 - '{"s": ""}'.length) } }],
    ['a nested object of 2,001 characters', { o: { s: 'b'.repeat(2001 - '{"s": ""}'.length) } }],
    ['an array over 2,000 characters', { list: Array.from({ length: 300 }, (_, i) => `item-${i}`) }],
    ['a small array', { list: [1, 2, 3] }],
  ];

  it.each(cases)('%s: as the rules make it', async (_name, value) => {
    const { scrubbed, rules } = await scrub(value);
    expect(scrubbed).toEqual(rules);
  });

  it('keeps small objects whole and applies each rule at its limit', async () => {
    const small = await scrub({ stage: 'OUTREACH', version: 4 });
    expect(small.scrubbed).toEqual({ stage: 'OUTREACH', version: 4 });
    expect((await scrub(objectOfLength(500))).scrubbed).toEqual(objectOfLength(500));
    expect((await scrub({ s: 'a'.repeat(500) })).scrubbed).toEqual({ s: 'a'.repeat(500) });
    expect((await scrub({ s: 'a'.repeat(501) })).scrubbed).toEqual({ s: '(501 ký tự)' });
    expect((await scrub({ citizen_id: '034201001234' })).scrubbed).toEqual({ citizen_id: '*********234' });
    expect((await scrub({ password_hash: 'x' })).scrubbed).toEqual({ password_hash: '***' });
    const nested = await scrub({ o: { s: 'b'.repeat(2001 - '{"s": ""}'.length) } });
    expect(nested.scrubbed).toEqual({ o: '(2001 ký tự)' });
  });

  it('answers NULL for NULL', async () => {
    expect((await scrub(null)).scrubbed).toBeNull();
  });
});
