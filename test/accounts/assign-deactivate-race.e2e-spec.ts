import { M, codeOf, openCase } from '../support/case-fixtures';
import { GqlResult, TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

/**
 * An assignment racing the deactivation of its assignee: the two serialize on the account row (the assignment
 * holds it FOR SHARE from its check to its write, the deactivation locks it FOR UPDATE before unassigning), so an
 * open case never ends up assigned to a deactivated officer. The interleaving is forced with row locks held by
 * the test, not with timing.
 */

jest.setTimeout(60_000);

const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`;

describe('assignFoundingCase racing deactivateUser', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Backends of other sessions waiting for a lock while running a statement that mentions `table`. */
  const waitingOn = async (table: string): Promise<boolean> => {
    const rows = await api.db.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [`%${table}%`],
    );
    return rows.length > 0;
  };

  it('never leaves an open case assigned to a deactivated officer: the deactivation waits and unassigns it', async () => {
    const p = await api.newProvince(2);
    const officer = p.officers[1];
    const ref = await openCase(api, p, { assignee: null });

    // The test holds the case row: the assignment gets past its checks and waits at its write.
    const holder = api.db.createQueryRunner();
    await holder.connect();
    let assigned: Promise<GqlResult> | undefined;
    let deactivated: Promise<GqlResult> | undefined;
    try {
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM founding_case WHERE id = $1 FOR UPDATE`, [ref.caseId]);
      assigned = api.gql(M.assign, { i: { caseId: ref.caseId, expectedVersion: ref.version, assigneeId: officer.id } }, p.supervisor.token);
      await eventually(() => waitingOn('founding_case'), 30_000, 20);

      // The deactivation meanwhile: without the lock on the account it would finish now (no case of the officer
      // yet) and the assignment would then write a case to an inactive account.
      let settled = false;
      deactivated = api.gql(DEACTIVATE, { id: officer.id }, p.supervisor.token);
      void deactivated.finally(() => (settled = true));
      await eventually(async () => settled || (await waitingOn('app_user')), 30_000, 20);
    } finally {
      await holder.rollbackTransaction().catch(() => undefined);
      await holder.release();
    }
    const [a, d] = await Promise.all([assigned!, deactivated!]);
    expect(codeOf(d)).toBeUndefined();
    expect(d.data?.deactivateUser).toEqual({ id: officer.id, active: false });

    const [state] = await api.db.query(
      `SELECT c.assignee_id, c.version, u.active AS "assigneeActive" FROM founding_case c LEFT JOIN app_user u ON u.id = c.assignee_id WHERE c.id = $1`,
      [ref.caseId],
    );
    // The assignment went first (it held the account), then the deactivation unassigned the case.
    expect(codeOf(a)).toBeUndefined();
    expect(state).toEqual({ assignee_id: null, version: ref.version + 2, assigneeActive: null });
    const history = await api.db.query(`SELECT action, comment FROM case_transition WHERE case_id = $1 ORDER BY version`, [ref.caseId]);
    expect(history.slice(-2)).toEqual([
      { action: 'ASSIGN', comment: null },
      { action: 'ASSIGN', comment: 'Bỏ phân công: cán bộ đã ngừng hoạt động' },
    ]);
  });

  it('refuses an assignment to an officer deactivated before it, changing nothing', async () => {
    const p = await api.newProvince(2);
    const officer = p.officers[1];
    const ref = await openCase(api, p, { assignee: null });
    await api.ok(DEACTIVATE, { id: officer.id }, p.supervisor.token);
    const r = await api.gql(M.assign, { i: { caseId: ref.caseId, expectedVersion: ref.version, assigneeId: officer.id } }, p.supervisor.token);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const [state] = await api.db.query(`SELECT assignee_id, version FROM founding_case WHERE id = $1`, [ref.caseId]);
    expect(state).toEqual({ assignee_id: null, version: ref.version });
  });
});
