import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CalendarService, EscalationsService, Role, UsersService } from '@app/core';
import { JobName } from '@app/queue';
import { M } from '../support/case-fixtures';
import { PASSWORD, Province, TestApi, newTaxCode } from '../support/test-api';

/**
 * The escalation sweep against its plain definition (docs/architecture.md#the-escalation-sweep), on cases that exercise the edges:
 * every level whose day has passed and that has not fired in the stage entry is raised once, a case found at 150%
 * raises all three; WARNING goes to the assignee (to the unit's active supervisors when there is none), BREACH to the
 * unit's active supervisors, CRITICAL to them and the parent unit's. Run with tiny batches so that the late cases,
 * some sharing a warning day, straddle the batch boundaries of the keyset walk, in one lane and in several.
 */
describe('escalation sweep: the fast path agrees with the plain definition', () => {
  let api: TestApi;
  let p: Province;
  let sweeps: EscalationsService;
  let secondSupervisor: string;

  beforeAll(async () => {
    api = await TestApi.start();
    sweeps = api.app.get(EscalationsService);
    p = await api.newProvince(1);
    const users = api.app.get(UsersService);
    // A second active supervisor of the unit, and an inactive one who must get nothing.
    secondSupervisor = (
      await users.insert({ email: `sup2.${p.tag}@test.vn`, fullName: 'sup2', role: Role.SUPERVISOR, orgUnitId: p.unitId, password: PASSWORD })
    ).id;
    const inactive = await users.insert({ email: `sup3.${p.tag}@test.vn`, fullName: 'sup3', role: Role.SUPERVISOR, orgUnitId: p.unitId, password: PASSWORD });
    await api.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [inactive.id]);
  });
  afterAll(() => api.close());

  type Days = { warning: string | null; due: string | null; critical: string | null };

  async function openCase(days: Days, assigned = true): Promise<string> {
    const e = await api.ok(
      M.createEnterprise,
      { i: { name: 'Công ty TNHH Sông Hồng', taxCode: newTaxCode(), workerCount: 40, hasUnion: false, orgUnitId: p.unitId } },
      p.supervisor.token,
    );
    const c = await api.ok(M.open, { i: { enterpriseId: e.createEnterprise.id, ...(assigned ? { assigneeId: p.officers[0].id } : {}) } }, p.supervisor.token);
    const id: string = c.openFoundingCase.id;
    await setDays(id, days);
    return id;
  }

  async function setDays(id: string, d: Days): Promise<void> {
    await api.db.query(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4 WHERE id = $1`, [id, d.warning, d.due, d.critical]);
  }

  /** What the sweep raised and notified for these cases: "stage_entry:level>user", sorted. */
  async function actual(ids: string[]): Promise<string[]> {
    const rows = await api.db.query(
      `SELECT x.case_id, x.stage_entry, x.level, n.user_id FROM escalation x LEFT JOIN notification n ON n.escalation_id = x.id
        WHERE x.case_id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r: any) => `${r.case_id}:${r.stage_entry}:${r.level}>${r.user_id}`).sort();
  }

  /** The plain definition, from the days and the people: every passed level of the stage entry, to its recipients. */
  function expected(cases: { id: string; days: Days; assigned: boolean; entry?: number }[], today: string): string[] {
    const unit = [p.supervisor.id, secondSupervisor];
    const out: string[] = [];
    for (const c of cases) {
      const passed = (d: string | null) => d !== null && d < today;
      const entry = c.entry ?? 1;
      if (passed(c.days.warning)) for (const u of c.assigned ? [p.officers[0].id] : unit) out.push(`${c.id}:${entry}:WARNING>${u}`);
      if (passed(c.days.due)) for (const u of unit) out.push(`${c.id}:${entry}:BREACH>${u}`);
      if (passed(c.days.critical)) for (const u of [...unit, p.federationSupervisor.id]) out.push(`${c.id}:${entry}:CRITICAL>${u}`);
    }
    return out.sort();
  }

  // Lanes: the late cases split over connections by id (each lane its own keyset walk), none raised twice or missed.
  it.each([1, 2, 3])('raises every passed level once, to the right people, across batch boundaries and later days, in %i lane(s)', async (lanes) => {
    const shapes: { days: Days; assigned: boolean }[] = [
      { days: { warning: '2024-05-10', due: '2024-05-13', critical: '2024-05-20' }, assigned: true }, // not late on day 1
      { days: { warning: '2024-05-02', due: '2024-05-05', critical: '2024-05-12' }, assigned: true }, // WARNING only
      { days: { warning: '2024-05-02', due: '2024-05-04', critical: '2024-05-11' }, assigned: true }, // same warning day: WARNING, BREACH
      { days: { warning: '2024-05-02', due: '2024-05-03', critical: '2024-05-04' }, assigned: true }, // same warning day, at 150%: all three
      { days: { warning: '2024-04-20', due: '2024-04-22', critical: '2024-04-25' }, assigned: false }, // at 150%, nobody assigned
      { days: { warning: '2024-05-02', due: '2024-05-08', critical: '2024-05-15' }, assigned: false }, // WARNING to the supervisors
      { days: { warning: '2024-05-03', due: '2024-05-06', critical: '2024-05-12' }, assigned: true }, // next levels fall due on the sweep days: not yet
      { days: { warning: null, due: null, critical: null }, assigned: true }, // no deadlines
    ];
    const cases = [];
    for (const s of shapes) cases.push({ ...s, id: await openCase(s.days, s.assigned) });
    const ids = cases.map((c) => c.id);

    for (const today of ['2024-05-06', '2024-05-06', '2024-05-12', '2024-05-30', '2024-05-30']) {
      const r = await sweeps.sweep(today, 2, lanes);
      expect(r.ran).toBe(true);
      expect(await actual(ids)).toEqual(expected(cases, today));
    }
    // Run again on the last day: nothing anywhere is left to raise.
    expect(await sweeps.sweep('2024-05-30', 2, lanes)).toEqual({ ran: true, raised: 0, notified: 0 });
    // The progress mark is the highest level raised in the stage entry.
    const marks = await api.db.query(`SELECT case_id, stage_entry, level FROM escalation_progress WHERE case_id = ANY($1::uuid[])`, [ids]);
    expect(marks.map((m: any) => `${m.case_id}:${m.stage_entry}:${m.level}`).sort()).toEqual(
      ids
        .slice(0, 7)
        .map((id) => `${id}:1:3`)
        .sort(),
    );
  });

  it('a lane that fails keeps what the other lanes and its own finished batches raised; the next sweep raises the rest once', async () => {
    const days = { warning: '2023-06-01', due: '2023-06-20', critical: '2023-06-30' };
    const today = '2023-06-05';
    const cases: { id: string; days: Days; assigned: boolean; lane: number }[] = [];
    const laneOf = async (id: string) => (await api.db.query(`SELECT get_byte(uuid_send($1::uuid), 15) % 2 AS k`, [id]))[0].k as number;
    while (cases.length < 4 || new Set(cases.map((c) => c.lane)).size < 2) {
      const id = await openCase(days);
      cases.push({ id, days, assigned: true, lane: await laneOf(id) });
    }
    const ids = cases.map((c) => c.id);
    const doomed = cases[0];
    // The doomed case's escalation fails to insert (a trigger of this test, for that case only).
    const fn = `test_refuse_escalation_${Math.floor(Math.random() * 1e9)}`;
    await api.db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await api.db.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON escalation FOR EACH ROW WHEN (NEW.case_id = '${doomed.id}'::uuid) EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(sweeps.sweep(today, 1, 2)).rejects.toThrow(/refused by the test/);
    } finally {
      await api.db.query(`DROP TRIGGER ${fn} ON escalation`);
      await api.db.query(`DROP FUNCTION ${fn}()`);
    }
    // The other lane went on to its end; the failed lane stopped at the doomed case.
    const raised = new Set((await actual(ids)).map((x) => x.split(':')[0]));
    for (const c of cases.filter((c) => c.lane !== doomed.lane)) expect(raised.has(c.id)).toBe(true);
    expect(raised.has(doomed.id)).toBe(false);
    // The advisory lock was let go: the next sweep runs, raises what is left, and doubles nothing.
    expect((await sweeps.sweep(today, 1, 2)).ran).toBe(true);
    expect(await actual(ids)).toEqual(expected(cases, today));
  });

  it('a case found at 150% raises all three exactly once, whichever sweep gets to it first', async () => {
    const days = { warning: '2024-03-01', due: '2024-03-04', critical: '2024-03-08' };
    const id = await openCase(days);
    // The case's own sweep (after a stage change) and the full sweep: the unique keys keep them from doubling.
    expect(await sweeps.sweepCase(id, '2024-03-11')).toBe(6); // WARNING 1 + BREACH 2 + CRITICAL 3
    expect(await sweeps.sweepCase(id, '2024-03-11')).toBe(0);
    await sweeps.sweep('2024-03-11');
    expect(await actual([id])).toEqual(expected([{ id, days, assigned: true }], '2024-03-11'));
  });

  it('a stage change starts the levels again at 0', async () => {
    const days = { warning: '2024-02-01', due: '2024-02-03', critical: '2024-02-06' };
    const id = await openCase(days);
    await sweeps.sweep('2024-02-10');
    expect(await actual([id])).toEqual(expected([{ id, days, assigned: true }], '2024-02-10'));
    // Closed and reopened: a new stage entry (SURVEY again), whose days are late as well.
    await api.ok(M.close, { i: { caseId: id, expectedVersion: 1, reason: 'WORKERS_DECLINED', comment: 'Chưa đồng ý' } }, p.supervisor.token);
    await sweeps.sweep('2024-02-10'); // a closed case is not escalated
    await api.ok(M.reopen, { i: { caseId: id, expectedVersion: 2, comment: 'Doanh nghiệp đồng ý lại' } }, p.supervisor.token);
    const [{ stage_entry }] = await api.db.query(`SELECT stage_entry FROM founding_case WHERE id = $1`, [id]);
    expect(stage_entry).toBeGreaterThan(1);
    const later = { warning: '2024-02-12', due: '2024-02-14', critical: '2024-02-20' };
    await setDays(id, later);
    await sweeps.sweep('2024-02-13'); // WARNING of the new entry only
    await sweeps.sweep('2024-02-13');
    expect(await actual([id])).toEqual(
      [...expected([{ id, days, assigned: true }], '2024-02-10'), ...expected([{ id, days: later, assigned: true, entry: stage_entry }], '2024-02-13')].sort(),
    );
    await sweeps.sweep('2024-02-25');
    expect(await actual([id])).toEqual(
      [...expected([{ id, days, assigned: true }], '2024-02-10'), ...expected([{ id, days: later, assigned: true, entry: stage_entry }], '2024-02-25')].sort(),
    );
  });

  it('with SMTP configured, queues one email job per notification in the same transaction', async () => {
    const days = { warning: '2024-01-02', due: '2024-01-04', critical: '2024-01-08' };
    const id = await openCase(days);
    const config = { ...api.app.get<AppConfig>(APP_CONFIG), smtpUrl: 'smtp://mail.test:25' };
    const mailing = new EscalationsService(api.app.get(DataSource), api.app.get(CalendarService), config);
    const r = await mailing.sweep('2024-01-05');
    expect(r.ran).toBe(true);
    const notes = await api.db.query(`SELECT n.id FROM notification n JOIN escalation x ON x.id = n.escalation_id WHERE x.case_id = $1`, [id]);
    expect(notes).toHaveLength(3); // WARNING to the officer, BREACH to both supervisors
    const jobs = await api.db.query(
      `SELECT payload->>'notificationId' AS id FROM outbox WHERE job_name = $1 AND payload->>'notificationId' = ANY($2::text[])`,
      [JobName.SEND_NOTIFICATION_EMAIL, notes.map((n: any) => n.id)],
    );
    expect(jobs.map((j: any) => j.id).sort()).toEqual(notes.map((n: any) => n.id).sort());
  });
});
