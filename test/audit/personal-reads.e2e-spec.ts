import { randomUUID } from 'node:crypto';
import { Cdcs, G, U, addStaff, citizenIdFor, newCdcs, newDirectMember } from '../support/grassroots';
import { INTROSPECTION, SchemaWalk } from '../support/schema-walk';
import { GqlResult, Province, TestApi } from '../support/test-api';

/**
 * Reads of personal data are audited (docs/architecture.md#audit-log): every query whose answer reaches a citizen id,
 * a birth date or a phone number writes one audit row per call (not per person): who, the query, the entity and
 * its id or the filter, with no citizen id in the row. Other reads write none.
 */

jest.setTimeout(120_000);

const PERSONAL_FIELDS = ['citizenId', 'birthDate', 'phone'];

describe('audited reads of personal data', () => {
  let api: TestApi;
  let p: Province;
  let cdcs: Cdcs;
  let staff: string[];
  let citizenIds: string[];

  /** A call with a request id of its own, and the audit rows it wrote. */
  async function call(query: string, variables: Record<string, unknown>, token: string): Promise<{ r: GqlResult; rows: any[] }> {
    const requestId = randomUUID();
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const r = (await res.json()) as GqlResult;
    return { r, rows: await api.db.query(`SELECT *, detail::text AS detail_text FROM audit_log WHERE request_id = $1`, [requestId]) };
  }

  /** Per query of the schema answering personal data: a call listing the CĐCS's people, and what its row names. */
  const READS: Record<string, () => { query: string; vars: Record<string, unknown>; entityId: string | null; tokens?: string[] }> = {
    members: () => ({ query: G.members, vars: { g: cdcs.id, first: 50 }, entityId: null }),
    member: () => ({ query: `query($id: ID!) { member(id: $id) { id fullName citizenId birthDate phone } }`, vars: { id: staff[0] }, entityId: staff[0] }),
    admissionDecisions: () => ({
      query: `query($g: ID!) { admissionDecisions(grassrootsUnionId: $g) { nodes { id members { id fullName citizenId birthDate } } } }`,
      vars: { g: cdcs.id },
      entityId: null,
    }),
    // An upper-level union's own members (a CĐCS's users may not read them): its officer's and supervisor's reads.
    upperLevelMembers: () => ({ query: U.members, vars: { u: p.unitId, first: 50 }, entityId: null, tokens: [p.officers[0].token, p.supervisor.token] }),
  };

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    cdcs = await newCdcs(api, p, 'Công ty Đọc');
    staff = await addStaff(api, cdcs, 3, { phone: '0912345678' });
    citizenIds = (await api.db.query(`SELECT citizen_id FROM grassroots_staff WHERE id = ANY($1::uuid[])`, [staff])).map((r: any) => r.citizen_id);
    // A worker admitted directly by the upper-level union, with a citizen id.
    const direct = citizenIdFor('1991-05-06', 'FEMALE');
    await newDirectMember(api, p, p.supervisor.token, { personalId: direct, birthYear: 1991, gender: 'Nữ' });
    citizenIds.push(direct);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('knows every query whose answer reaches personal data (a new one needs an entry here and @AuditedRead)', async () => {
    const walk = new SchemaWalk((await api.ok(INTROSPECTION)).__schema);
    const personal = walk.operations.filter((o) => o.kind === 'query' && walk.reaches(o, PERSONAL_FIELDS)).map((o) => o.field);
    expect(personal.sort()).toEqual(Object.keys(READS).sort());
  });

  it.each(Object.keys(READS))('writes one row for a successful %s: who, the query, the entity; no citizen id in it', async (field) => {
    const c = READS[field]();
    for (const token of c.tokens ?? [cdcs.chair.token, p.supervisor.token]) {
      const { r, rows } = await call(c.query, c.vars, token);
      expect(r.errors).toBeUndefined();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ operation: field, entity: 'member', entity_id: c.entityId, outcome: 'OK' });
      expect(rows[0].actor_id).toBe({ [cdcs.chair.token]: cdcs.chair.id, [p.officers[0].token]: p.officers[0].id }[token] ?? p.supervisor.id);
      expect(await api.db.query(`SELECT count(*)::int AS n FROM audit_change WHERE audit_key = $1`, [rows[0].key])).toEqual([{ n: 0 }]);
      const text = JSON.stringify(rows[0]);
      for (const id of citizenIds) expect(text).not.toContain(id);
    }
  });

  it('writes one row for a page of many people, with the filter; a citizen id searched for is masked', async () => {
    const all = await call(G.members, { g: cdcs.id, first: 50 }, p.supervisor.token);
    expect(all.r.data!.members.nodes.length).toBe(3);
    expect(all.rows).toHaveLength(1);
    expect(JSON.parse(all.rows[0].detail_text)).toEqual({ grassrootsUnionId: cdcs.id, first: 50 });

    const prefix = citizenIds[0].slice(0, 9);
    const search = await call(G.members, { g: cdcs.id, f: { search: prefix, status: 'NOT_MEMBER' }, first: 10 }, p.supervisor.token);
    expect(search.r.data!.members.totalCount).toBeGreaterThanOrEqual(1);
    expect(search.rows).toHaveLength(1);
    expect(JSON.parse(search.rows[0].detail_text)).toEqual({ grassrootsUnionId: cdcs.id, first: 10, filter: { search: '*********', status: 'NOT_MEMBER' } });
    expect(search.rows[0].detail_text).not.toContain(prefix);
  });

  it('shows the read in auditLog with its detail', async () => {
    const { rows } = await call(G.members, { g: cdcs.id, first: 5 }, cdcs.chair.token);
    const d = await api.ok(
      `query($f: AuditLogFilterInput) { auditLog(filter: $f, first: 5) { nodes { id operation entity entityId detail actorEmail changes { table } } } }`,
      { f: { operation: 'members', actor: cdcs.chair.email } },
      p.supervisor.token,
    );
    const entry = d.auditLog.nodes.find((n: any) => n.id === String(rows[0].id));
    expect(entry).toMatchObject({ operation: 'members', entity: 'member', entityId: null, actorEmail: cdcs.chair.email, changes: [] });
    expect(JSON.parse(entry.detail)).toEqual({ grassrootsUnionId: cdcs.id, first: 5 });
  });

  it('writes no row for a refused read (out of scope) nor for reads without personal data', async () => {
    const other = await api.newProvince(1);
    const refused = await call(READS.member().query, { id: staff[0] }, other.supervisor.token);
    expect(refused.r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(refused.rows).toHaveLength(0);
    const plain = await call(`query($u: ID) { grassroots: grassrootsUnions(orgUnitId: $u) { totalCount } me { id } }`, { u: p.unitId }, p.supervisor.token);
    expect(plain.r.errors).toBeUndefined();
    expect(plain.rows).toHaveLength(0);
  });
});
