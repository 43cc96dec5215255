import { randomUUID } from 'node:crypto';
import { AuditLogService, RegisterImportApplyService } from '@app/core';
import { AUDITED_TABLES, UNAUDITED_TABLES } from '@app/persistence';
import { ApplyRegisterImportHandler } from '../../apps/worker/src/handlers/apply-register-import.handler';
import { csvOf, dryRun, validTaxCode } from '../support/register-imports';
import { createEnterprise, vnToday } from '../support/case-fixtures';
import { G, newCdcs, staffPerson } from '../support/grassroots';
import { INTROSPECTION, SchemaWalk } from '../support/schema-walk';
import { GqlResult, PASSWORD, TestApi } from '../support/test-api';
import { AuditWorld, SUCCESS } from './audit-scenarios';

/**
 * The audit log (docs/architecture.md#audit-log), generated from the schema: every Mutation field has a
 * successful call in SUCCESS (audit-scenarios.ts) that must write exactly one audit row, and refused calls
 * (no token; an ADMIN's call with ids that name nothing and days outside the calendar) write none, except a
 * refused login, which writes one REFUSED row.
 */

jest.setTimeout(300_000);

describe('audit log', () => {
  let w: AuditWorld;
  let walk: SchemaWalk;

  /** A GraphQL call with a request id of its own, to find its audit rows. */
  async function call(query: string, variables: Record<string, unknown>, token?: string): Promise<{ r: GqlResult; requestId: string }> {
    const requestId = randomUUID();
    const res = await fetch(`${w.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { r: (await res.json()) as GqlResult, requestId };
  }
  const rowsOf = async (requestId: string) => w.api.db.query(`SELECT * FROM audit_log WHERE request_id = $1`, [requestId]);
  const changesOf = async (key: string) => w.api.db.query(`SELECT * FROM audit_change WHERE audit_key = $1 ORDER BY id`, [key]);

  beforeAll(async () => {
    const api = await TestApi.start();
    const p = await api.newProvince(2);
    w = { api, admin: await api.newAdmin(), p, cdcs: await newCdcs(api, p), farDays: [] };
    walk = new SchemaWalk((await api.ok(INTROSPECTION)).__schema);
  });
  afterAll(async () => {
    if (w?.farDays.length) await w.api.db.query(`DELETE FROM calendar_day WHERE day = ANY($1::date[])`, [w.farDays]);
    await w?.api.close();
  });

  it('has a success scenario for every mutation of the schema, and none for mutations it lacks', () => {
    const mutations = walk.operations.filter((o) => o.kind === 'mutation').map((o) => o.field);
    expect(mutations.filter((m) => !(m in SUCCESS))).toEqual([]);
    expect(Object.keys(SUCCESS).filter((m) => !mutations.includes(m))).toEqual([]);
  });

  it('audits every table but the listed technical ones: each table of the schema is in one list or the other', async () => {
    const tables: { name: string; audited: boolean }[] = await w.api.db.query(
      `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'TRG_' || c.relname || '_audit') AS audited
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const listed = new Set(AUDITED_TABLES.map(([t]) => t));
    expect(tables.filter((t) => !t.audited && !UNAUDITED_TABLES.includes(t.name)).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => t.audited && !listed.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => t.audited && UNAUDITED_TABLES.includes(t.name)).map((t) => t.name)).toEqual([]);
  });

  it('writes exactly one audit row for each successful mutation, naming the operation and the caller', async () => {
    const failures: string[] = [];
    const lines: string[] = [];
    for (const op of walk.operations.filter((o) => o.kind === 'mutation')) {
      const scenario = SUCCESS[op.field];
      if (!scenario) continue; // reported by the first test
      const c = await scenario(w);
      const { r, requestId } = await call(walk.document(op), c.vars, c.token);
      const rows = await rowsOf(requestId);
      const changes = rows.length === 1 ? await changesOf(rows[0].key) : [];
      lines.push(`${op.field.padEnd(28)} rows ${rows.length} changes ${changes.length}${rows[0]?.entity ? ` first ${rows[0].entity}` : ''}`);
      if (r.errors) failures.push(`${op.field}: the success scenario failed: ${r.errors[0].message}`);
      else if (rows.length !== 1) failures.push(`${op.field}: ${rows.length} audit rows`);
      else {
        const row = rows[0];
        if (row.operation !== op.field) failures.push(`${op.field}: operation ${row.operation}`);
        if (row.outcome !== 'OK') failures.push(`${op.field}: outcome ${row.outcome}`);
        if (!row.actor_id || !row.actor_email || !row.ip) failures.push(`${op.field}: no actor or address (${row.actor_id}, ${row.actor_email}, ${row.ip})`);
      }
    }
    console.log(`audit rows of successful mutations:\n${lines.join('\n')}`);
    expect(failures).toEqual([]);
    expect(lines.length).toBe(Object.keys(SUCCESS).length);
  });

  it('writes no audit row for a refused mutation (no token; ids that name nothing), one REFUSED row for a refused login', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const op of walk.operations.filter((o) => o.kind === 'mutation')) {
      // Ids that name nothing and a day outside the supported years: refused as NOT_FOUND or BAD_USER_INPUT.
      const vars = walk.args(op, () => randomUUID(), '1999-01-01');
      const callers: [string, string | undefined][] = [
        ['anonymous', undefined],
        ['ADMIN', w.admin.token],
      ];
      for (const [who, token] of callers) {
        const { r, requestId } = await call(walk.document(op), vars, token);
        calls += 1;
        const rows = await rowsOf(requestId);
        if (!r.errors) failures.push(`${op.field} as ${who}: not refused`);
        else if (op.field === 'login') {
          if (rows.length !== 1 || rows[0].outcome !== 'REFUSED') failures.push(`login: ${rows.length} rows (${rows[0]?.outcome})`);
        } else if (rows.length) failures.push(`${op.field} as ${who}: refused (${r.errors[0].extensions?.code}) but ${rows.length} audit rows`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(2 * Object.keys(SUCCESS).length);
  });

  it('refuses to change, delete or empty audit rows (a trigger)', async () => {
    const { requestId } = await call(
      `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`,
      { i: { id: await createEnterprise(w.api, w.p), address: 'Số 1 phố Hai Bà Trưng' } },
      w.p.supervisor.token,
    );
    const [row] = await rowsOf(requestId);
    expect(row).toBeDefined();
    for (const sql of [
      `UPDATE audit_log SET actor_email = 'someone@else.vn' WHERE id = ${row.id}`,
      `DELETE FROM audit_log WHERE id = ${row.id}`,
      `TRUNCATE audit_log`,
      `UPDATE audit_change SET after = '{}' WHERE audit_key = '${row.key}'`,
      `DELETE FROM audit_change WHERE audit_key = '${row.key}'`,
      `TRUNCATE audit_change`,
    ]) {
      await expect(w.api.db.query(sql)).rejects.toThrow(/audit rows cannot be changed or deleted/);
    }
    const [again] = await rowsOf(requestId);
    expect(again).toEqual(row);
    expect((await changesOf(row.key)).length).toBeGreaterThan(0);
  });

  it('masks citizen ids (the last 3 digits kept) and never stores a password hash', async () => {
    const person = staffPerson();
    const citizenId = person.citizenId as string;
    const { r, requestId } = await call(G.addStaff, { i: { grassrootsUnionId: w.cdcs.id, ...person } }, w.cdcs.chair.token);
    expect(r.errors).toBeUndefined();
    const [row] = await rowsOf(requestId);
    const [staff] = (await changesOf(row.key)).filter((c: { tbl: string }) => c.tbl === 'grassroots_staff');
    expect(staff.after.citizen_id).toBe(`${'*'.repeat(citizenId.length - 3)}${citizenId.slice(-3)}`);
    const [{ n }] = await w.api.db.query(`SELECT count(*)::int AS n FROM audit_change WHERE before::text LIKE $1 OR after::text LIKE $1`, [`%${citizenId}%`]);
    expect(n).toBe(0);

    const email = `audit.pw.${randomUUID().slice(0, 8)}@test.vn`;
    await w.api.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email, fullName: 'Nguyễn Thị Mật Khẩu', password: 'long-enough-1', role: 'OFFICER', orgUnitId: w.p.unitId } },
      w.admin.token,
    );
    const changed = await call(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
      { i: { currentPassword: 'long-enough-1', newPassword: 'another-long-2x' } },
      await w.api.login(email, 'long-enough-1'),
    );
    expect(changed.r.errors).toBeUndefined();
    const [pw] = await rowsOf(changed.requestId);
    const [user] = (await changesOf(pw.key)).filter((c: { tbl: string }) => c.tbl === 'app_user');
    expect(user.before.password_hash).toBe('***');
    expect(user.after.password_hash).toBe('***');
    const [{ hashes }] = await w.api.db.query(`SELECT count(*)::int AS hashes FROM audit_change WHERE after::text LIKE '%$2%$%' OR before::text LIKE '%$2%$%'`);
    expect(hashes).toBe(0);
  });

  it("gives an enterprise edit's changed fields before and after, and only those", async () => {
    const id = await createEnterprise(w.api, w.p);
    const [before] = await w.api.db.query(`SELECT address, worker_count FROM enterprise WHERE id = $1`, [id]);
    await call(
      `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`,
      { i: { id, address: 'Số 9 phố Trần Hưng Đạo', workerCount: before.worker_count + 5 } },
      w.p.officers[0].token,
    );
    const d = await w.api.ok(
      `query($f: AuditLogFilterInput) { auditLog(filter: $f, first: 5) { totalCount nodes { operation actorEmail entity entityId outcome
        changes { table op rowId fields { field before after } } } } }`,
      { f: { operation: 'updateEnterprise', entityId: id } },
      w.admin.token,
    );
    expect(d.auditLog.totalCount).toBe(1);
    const [entry] = d.auditLog.nodes;
    expect(entry).toMatchObject({ operation: 'updateEnterprise', actorEmail: w.p.officers[0].email, entity: 'enterprise', entityId: id, outcome: 'OK' });
    const edit = entry.changes.find((c: { table: string }) => c.table === 'enterprise');
    expect(edit.op).toBe('UPDATE');
    const fields = Object.fromEntries(edit.fields.map((f: { field: string; before: string; after: string }) => [f.field, [f.before, f.after]]));
    expect(fields.address).toEqual([before.address, 'Số 9 phố Trần Hưng Đạo']);
    expect(fields.worker_count).toEqual([String(before.worker_count), String(before.worker_count + 5)]);
    expect(Object.keys(fields).sort()).toEqual(expect.arrayContaining(['address', 'worker_count']));
    expect(Object.keys(fields)).not.toContain('name');
    // The worker-count history row is part of the same operation.
    expect(entry.changes.map((c: { table: string }) => c.table)).toContain('enterprise_worker_count');
  });

  it('writes a failed login with the address tried, and a successful one with the account', async () => {
    const bad = await call(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: w.p.officers[1].email,
      p: 'wrong-password',
    });
    expect(bad.r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [refused] = await rowsOf(bad.requestId);
    expect(refused).toMatchObject({ operation: 'login', outcome: 'REFUSED', actor_email: w.p.officers[1].email, actor_id: null });
    expect(refused.ip).toBeTruthy();
    const good = await call(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: w.p.officers[1].email,
      p: PASSWORD,
    });
    const [ok] = await rowsOf(good.requestId);
    expect(ok).toMatchObject({ operation: 'login', outcome: 'OK', actor_id: w.p.officers[1].id, entity: 'app_user', entity_id: w.p.officers[1].id });
  });

  it("shows a supervisor its subtree's rows only (by the actor's unit or the rows changed); officers are refused", async () => {
    const other = await w.api.newProvince(1);
    const mine = await createEnterprise(w.api, w.p);
    await call(`mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`, { i: { id: mine, address: 'Số 5 ngõ Huế' } }, w.admin.token);
    const theirs = await createEnterprise(w.api, other);
    const q = `query($f: AuditLogFilterInput) { auditLog(filter: $f, first: 50) { totalCount nodes { entityId actorEmail } } }`;
    const seen = async (token: string, entityId: string) => (await w.api.ok(q, { f: { entityId } }, token)).auditLog.totalCount as number;
    // The ADMIN's edit of an enterprise of p: p's supervisor sees it (the row changed is in its subtree), the other does not.
    expect(await seen(w.p.supervisor.token, mine)).toBe(2); // created by the supervisor, edited by the admin
    expect(await seen(other.supervisor.token, mine)).toBe(0);
    expect(await seen(other.supervisor.token, theirs)).toBe(1);
    expect(await seen(w.p.supervisor.token, theirs)).toBe(0);
    expect(await seen(w.admin.token, theirs)).toBe(1);
    // A login of p's officer: seen by p's supervisor through the actor's unit.
    const logins = (await w.api.ok(q, { f: { operation: 'login', actor: w.p.officers[0].email } }, w.p.supervisor.token)).auditLog.totalCount;
    expect(logins).toBeGreaterThan(0);
    expect((await w.api.ok(q, { f: { operation: 'login', actor: w.p.officers[0].email } }, other.supervisor.token)).auditLog.totalCount).toBe(0);
    const refused = await w.api.gql(q, {}, w.p.officers[0].token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await w.api.gql(q, { f: { from: '2024-13-01' } }, w.admin.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages newest first with a cursor and filters by day', async () => {
    const q = `query($f: AuditLogFilterInput, $after: String) { auditLog(filter: $f, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const f = { actor: w.p.supervisor.email, from: vnToday(), to: vnToday() };
    const one = (await w.api.ok(q, { f }, w.admin.token)).auditLog;
    expect(one.totalCount).toBeGreaterThan(2);
    const two = (await w.api.ok(q, { f, after: one.pageInfo.endCursor }, w.admin.token)).auditLog;
    expect(Number(two.nodes[0].id)).toBeLessThan(Number(one.nodes[1].id));
    expect((await w.api.ok(q, { f: { ...f, from: '2001-01-01', to: '2001-01-02' } }, w.admin.token)).auditLog.totalCount).toBe(0);
  });

  it("audits a register import's apply job (the worker) as the confirming user, one row however often it runs", async () => {
    const taxCode = validTaxCode();
    const file = csvOf([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động'],
      [`Công ty Nhập Sổ ${randomUUID().slice(0, 6)}`, taxCode, 55],
    ]);
    const { id } = await dryRun(w.api, w.p.supervisor.token, file, { fileName: 'nhap.csv', orgUnitId: w.p.unitId });
    await w.api.ok(`mutation($id: ID!) { confirmRegisterImport(id: $id) { id } }`, { id }, w.p.supervisor.token);
    const handler = new ApplyRegisterImportHandler(w.api.app.get(RegisterImportApplyService), w.api.app.get(AuditLogService));
    await handler.handle({ importId: id });
    await handler.handle({ importId: id }); // a retried job
    const [enterprise] = await w.api.db.query(`SELECT id FROM enterprise WHERE tax_code = $1`, [taxCode]);
    const rows = await w.api.db.query(
      `SELECT l.* FROM audit_log l WHERE l.operation = 'job apply-register-import' AND EXISTS (SELECT 1 FROM audit_change c WHERE c.audit_key = l.key AND c.row_id = $1)`,
      [enterprise.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: w.p.supervisor.id, actor_email: w.p.supervisor.email, entity: expect.any(String) });
    const inserted = (await changesOf(rows[0].key)).filter((c: { tbl: string; op: string }) => c.tbl === 'enterprise' && c.op === 'INSERT');
    expect(inserted.map((c: { row_id: string }) => c.row_id)).toEqual([enterprise.id]);
  });
});
