// The `pg` module TypeORM loads (PlatformTools.load('pg') is a plain require) is the one jest
// gives this file, so patching Client.prototype.query sees every statement the API sends:
// DataSource.query, repository finds and transactions all end in a pool client's query().
import { Client } from 'pg';
import { Province, TestApi } from '../support/test-api';
import { applicant, M, openCase, steps, vnToday, walkToStage } from '../support/case-fixtures';

jest.setTimeout(120_000);

const sent: string[] = [];
let counting = false;
const originalQuery = Client.prototype.query;
(Client.prototype as any).query = function patchedQuery(this: Client, ...args: any[]) {
  if (counting) {
    const q = args[0];
    sent.push(typeof q === 'string' ? q : (q?.text ?? String(q)));
  }
  return (originalQuery as any).apply(this, args);
};

const LIST = `query($first: Int) {
  foundingCases(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id version stage overdue stageDueOn stageEnteredAt closedReason
      assignee { id fullName role orgUnit { id name } }
      enterprise { id name taxCode workerCount hasUnion orgUnit { id } openCase { id stage } }
      orgUnit { id name kind parent { id name } }
      grassrootsUnion { id name kind }
      applications { id fullName status submittedOn }
      history { from to action version at comment by { id fullName } }
      evidence { kind occurredOn }
    }
  }
}`;

describe('foundingCases with nested fields: a constant number of SQL statements', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    (Client.prototype as any).query = originalQuery;
    await api.close();
  });

  /**
   * `n` cases in a fresh province, each assigned, surveyed (one history row) and with an application;
   * the last `recognized` of them (the newest, so on the first page) founded.
   */
  async function provinceWith(n: number, recognized: number): Promise<Province> {
    const p = await api.newProvince(2);
    const batch = 10;
    for (let start = 0; start < n - recognized; start += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, n - recognized - start) }, async (_, k) => {
          const officer = p.officers[(start + k) % 2];
          const ref = await openCase(api, p, { assignee: officer });
          await steps.survey(api, officer.token, ref);
          await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }) }, officer.token);
        }),
      );
    }
    for (let i = 0; i < recognized; i++) await walkToStage(api, p, 'RECOGNIZED', { assignee: p.officers[i % 2] });
    return p;
  }

  /** Runs the list once as `token` and returns the answer and the SQL statements it cost. */
  async function measure(token: string, first = 50) {
    sent.length = 0;
    counting = true;
    try {
      const data = await api.ok(LIST, { first }, token);
      return { data: data.foundingCases, statements: [...sent] };
    } finally {
      counting = false;
    }
  }

  it('costs the same for 10 cases as for 60 (first: 50), with every nested field resolved', async () => {
    const small = await provinceWith(10, 2);
    const large = await provinceWith(62, 2);

    // Warm up (first use of a pool connection, schema metadata) outside the measurement.
    await measure(large.supervisor.token);
    await measure(small.supervisor.token);

    const a = await measure(small.supervisor.token);
    const b = await measure(large.supervisor.token);

    expect(a.data.totalCount).toBe(10);
    expect(a.data.nodes).toHaveLength(10);
    expect(b.data.totalCount).toBe(62);
    expect(b.data.nodes).toHaveLength(50);
    expect(b.data.pageInfo.hasNextPage).toBe(true);
    for (const { data } of [a, b]) {
      for (const node of data.nodes) {
        expect(node.assignee?.orgUnit?.id).toBeTruthy();
        expect(node.enterprise.orgUnit.id).toBeTruthy();
        expect(node.orgUnit.parent.id).toBeTruthy();
        expect(node.applications.length).toBeGreaterThanOrEqual(1);
        expect(node.history.length).toBe(node.version - 1);
        expect(node.history.every((h: { by: { id: string } }) => !!h.by.id)).toBe(true);
        if (node.stage === 'RECOGNIZED') expect(node.grassrootsUnion.kind).toBe('GRASSROOTS');
        else expect(node.enterprise.openCase.id).toBe(node.id);
      }
    }
    // The counter really counts (the request needs at least the page, the count and a few batches).
    expect(a.statements.length).toBeGreaterThan(3);
    // Constant: 50 cases cost what 10 cost (on failure the statements are printed, shortened).
    const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 120);
    expect(b.statements.map(short)).toHaveLength(a.statements.length);
  });

  // The write path's round trips (docs/architecture.md#the-write-path): the case's load and one statement for the version-checked UPDATE with its evidence and history, outside a transaction; a stage
  // change adds its outbox row in a transaction with the write. The audit log (docs/architecture.md#audit-log) adds
  // one, the connection's audit context (set_config): the trigger writing the audit row says so with the write's own
  // answer (a notice), so the API's INSERT … ON CONFLICT of that row is left out. The caller's row is not read:
  // the officer's earlier requests left it in the callers' cache (docs/architecture.md#the-callers-cache).
  it('recordOutreach costs 2 statements; an advance 5 (its write and outbox row in one transaction); the audit log 1 more', async () => {
    const p = await api.newProvince(1);
    const officer = p.officers[0];
    const ref = await openCase(api, p, { assignee: officer });
    await steps.survey(api, officer.token, ref);
    const short = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 40);
    const AUDIT_CONTEXT = expect.stringMatching(/^SELECT set_config\('cdcs\.audit'/);
    const run = async (query: string, i: Record<string, unknown>) => {
      sent.length = 0;
      counting = true;
      try {
        await api.ok(query, { i }, officer.token);
      } finally {
        counting = false;
      }
      // The working-day calendar (cached briefly) may be read to place a new stage's deadlines.
      return sent.filter((sql) => !/FROM calendar_day/.test(sql)).map(short);
    };
    const advance = await run(`mutation($i: AdvanceInput!) { advanceFoundingCase(input: $i) { id version } }`, {
      caseId: ref.caseId,
      expectedVersion: ref.version,
    });
    expect(advance).toEqual([
      AUDIT_CONTEXT,
      expect.stringMatching(/^SELECT c\.id, c\.enterprise_id/),
      'START TRANSACTION',
      expect.stringMatching(/^WITH u AS \( UPDATE founding_case SET/),
      expect.stringMatching(/^INSERT INTO outbox/),
      'COMMIT',
    ]);
    const outreach = await run(`mutation($i: OutreachInput!) { recordOutreach(input: $i) { id version } }`, {
      caseId: ref.caseId,
      expectedVersion: ref.version + 1,
      heldOn: vnToday(),
      workersReached: 10,
      workersInterested: 2,
    });
    expect(outreach).toEqual([
      AUDIT_CONTEXT,
      expect.stringMatching(/^SELECT c\.id, c\.enterprise_id/),
      expect.stringMatching(/^WITH u AS \( UPDATE founding_case SET/),
    ]);
    // Each has its one audit row all the same: the one its trigger wrote.
    const audited = await api.db.query(`SELECT operation, outcome FROM audit_log WHERE actor_id = $1 AND operation = ANY($2) ORDER BY at`, [
      officer.id,
      ['advanceFoundingCase', 'recordOutreach'],
    ]);
    expect(audited).toEqual([
      { operation: 'advanceFoundingCase', outcome: 'OK' },
      { operation: 'recordOutreach', outcome: 'OK' },
    ]);
  });

  it("answers `me` from the row the guard read: one statement, where the users' loader read it again before; then none", async () => {
    const p = await api.newProvince(1);
    const officer = p.officers[0];
    const me = async () => {
      sent.length = 0;
      counting = true;
      try {
        return { data: await api.ok(`{ me { id email fullName role mustChangePassword } }`, {}, officer.token), statements: [...sent] };
      } finally {
        counting = false;
      }
    };
    // A new province's officer has made no request yet: the guard reads the row.
    const first = await me();
    expect(first.data.me).toMatchObject({ id: officer.id, email: officer.email, role: 'OFFICER', mustChangePassword: false });
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatch(/FROM app_user u JOIN org_unit o ON o\.id = u\.org_unit_id WHERE u\.id = \$1/);
    // Then the callers' cache has it.
    const second = await me();
    expect(second.data).toEqual(first.data);
    expect(second.statements).toEqual([]);
  });
});
