import { EscalationsService } from '@app/core';
import { M, addDays, applicant, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

const LIST = `query($o: Boolean) { applicationEscalations(openOnly: $o) {
  id level raisedAt acknowledgedAt application { id fullName status dueOn } decidingUnit { id name } } }`;
const CASE_LIST = `query { escalations(openOnly: false) { id } }`;
const ACK = `mutation($id: ID!) { acknowledgeEscalation(id: $id) { id acknowledgedAt } }`;

/**
 * Applications sent directly to an upper-level union (no CĐCS at the workplace) must be decided within
 * APPLICATION_DECISION_DAYS working days; the sweep raises a BREACH to the union's supervisors once
 * that day has passed, and `applicationEscalations` lists it in the supervisors' scope.
 */
describe('application escalations: overdue direct applications at an upper-level union', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;
  let overdueId: string;
  let onTimeId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    other = await api.newProvince(1);
    // Submitted 40 calendar days ago: more than 10 working days, whatever the holidays.
    const overdue = await api.ok(M.apply, { i: applicant({ grassrootsUnionId: p.unitId }, { submittedOn: addDays(vnToday(), -40) }) }, p.officers[0].token);
    const onTime = await api.ok(M.apply, { i: applicant({ grassrootsUnionId: p.unitId }) }, p.officers[0].token);
    overdueId = overdue.submitApplication.id;
    onTimeId = onTime.submitApplication.id;
    const sweep = await api.app.get(EscalationsService).sweep();
    expect(sweep.ran).toBe(true);
  });

  afterAll(() => api.close());

  it("lists the overdue application (not the one still in time) to the deciding union's supervisor", async () => {
    const list = (await api.ok(LIST, { o: true }, p.supervisor.token)).applicationEscalations as any[];
    expect(list).toEqual([
      expect.objectContaining({
        level: 'BREACH',
        acknowledgedAt: null,
        application: expect.objectContaining({ id: overdueId, status: 'SUBMITTED' }),
        decidingUnit: { id: p.unitId, name: expect.stringContaining(p.tag) },
      }),
    ]);
    expect(list[0].application.dueOn < vnToday()).toBe(true);
    expect(list.some((e) => e.application.id === onTimeId)).toBe(false);
    // The federation's supervisor sees its subtree; the other province's does not; officers are not addressed.
    expect(((await api.ok(LIST, { o: false }, p.federationSupervisor.token)).applicationEscalations as any[]).map((e) => e.id)).toEqual([list[0].id]);
    expect((await api.ok(LIST, { o: false }, other.supervisor.token)).applicationEscalations).toEqual([]);
    expect((await api.ok(LIST, { o: false }, p.officers[0].token)).applicationEscalations).toEqual([]);
    // Case escalations stay apart: `escalations` has a non-null case.
    expect(((await api.ok(CASE_LIST, {}, p.supervisor.token)).escalations as any[]).map((e) => e.id)).not.toContain(list[0].id);
  });

  it('raises it once: a second sweep adds nothing', async () => {
    const before = await api.db.query(`SELECT count(*)::int AS n FROM escalation WHERE application_id = $1`, [overdueId]);
    await api.app.get(EscalationsService).sweep();
    const after = await api.db.query(`SELECT count(*)::int AS n FROM escalation WHERE application_id = $1`, [overdueId]);
    expect(before[0].n).toBe(1);
    expect(after[0].n).toBe(1);
  });

  it('is acknowledged with acknowledgeEscalation and leaves the open list', async () => {
    const [open] = (await api.ok(LIST, { o: true }, p.supervisor.token)).applicationEscalations as any[];
    const ack = (await api.ok(ACK, { id: open.id }, p.supervisor.token)).acknowledgeEscalation;
    expect(ack.id).toBe(open.id);
    expect(ack.acknowledgedAt).toBeTruthy();
    expect((await api.ok(LIST, { o: true }, p.supervisor.token)).applicationEscalations).toEqual([]);
    const all = (await api.ok(LIST, { o: false }, p.supervisor.token)).applicationEscalations as any[];
    expect(all).toHaveLength(1);
    expect(all[0].acknowledgedAt).toBeTruthy();
  });
});
