import { EscalationsService, SWEEP_LOCK_KEY } from '@app/core';
import { JobName, QueueName } from '@app/queue';
import { Province, TestApi, newTaxCode } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

const OPEN = `mutation($i: OpenCaseInput!) { openFoundingCase(input: $i) { id version stage stageDueOn } }`;
const ENTERPRISE = `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id } }`;

describe('worker: outbox relay and escalations', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(1);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** Opens a case and waits until the worker has run the job its opening queued. */
  async function openCase(): Promise<string> {
    const e = await api.ok(
      ENTERPRISE,
      { i: { name: 'Công ty TNHH Dược Hưng Hà', taxCode: newTaxCode(), workerCount: 60, hasUnion: false, orgUnitId: p.unitId } },
      p.supervisor.token,
    );
    const c = await api.ok(OPEN, { i: { enterpriseId: e.createEnterprise.id, assigneeId: p.officers[0].id } }, p.supervisor.token);
    const caseId = c.openFoundingCase.id;
    const [row] = await api.db.query(`SELECT id FROM outbox WHERE payload->>'caseId' = $1`, [caseId]);
    await eventually(async () => {
      const job = await worker.queue(QueueName.CASES).getJob(`outbox-${row.id}`);
      return job ? await job.isCompleted() : false;
    });
    return caseId;
  }

  it('relays the outbox row of a mutation into BullMQ and runs its job once', async () => {
    const cases = worker.queue(QueueName.CASES);
    await cases.pause(); // so the job surely runs after the case is made late below
    try {
      const e = await api.ok(
        ENTERPRISE,
        { i: { name: 'Công ty CP Dược phẩm Thái Bình', taxCode: newTaxCode(), workerCount: 60, hasUnion: false, orgUnitId: p.unitId } },
        p.supervisor.token,
      );
      const c = await api.ok(OPEN, { i: { enterpriseId: e.createEnterprise.id, assigneeId: p.officers[0].id } }, p.supervisor.token);
      const caseId = c.openFoundingCase.id;
      await api.db.query(`UPDATE founding_case SET warning_on = '2020-01-01', stage_due_on = '2020-01-02', critical_on = '2020-01-03' WHERE id = $1`, [caseId]);
      const [row] = await api.db.query(`SELECT id FROM outbox WHERE payload->>'caseId' = $1`, [caseId]);
      await eventually(async () => (await api.db.query(`SELECT sent_at FROM outbox WHERE id = $1`, [row.id]))[0].sent_at);
      expect(await cases.getJob(`outbox-${row.id}`)).toBeDefined();
      await cases.resume();
      const levels = await eventually(async () => {
        const rows = await api.db.query(`SELECT level FROM escalation WHERE case_id = $1 ORDER BY level`, [caseId]);
        return rows.length === 3 ? rows.map((r: { level: string }) => r.level) : null;
      });
      expect(levels).toEqual(['BREACH', 'CRITICAL', 'WARNING']);
    } finally {
      await cases.resume();
    }
  });

  it('fires each level at its working day, to the right people, once', async () => {
    const caseId = await openCase();
    const sweep = worker.app.get(EscalationsService);
    await api.db.query(`UPDATE founding_case SET warning_on = '2025-03-10', stage_due_on = '2025-03-12', critical_on = '2025-03-19' WHERE id = $1`, [caseId]);
    const levels = async () => (await api.db.query(`SELECT level FROM escalation WHERE case_id = $1`, [caseId])).map((r: { level: string }) => r.level).sort();
    await sweep.sweep('2025-03-10');
    expect(await levels()).toEqual([]);
    await sweep.sweep('2025-03-11');
    expect(await levels()).toEqual(['WARNING']);
    await sweep.sweep('2025-03-13');
    expect(await levels()).toEqual(['BREACH', 'WARNING']);
    await sweep.sweep('2025-03-20');
    await sweep.sweep('2025-03-20');
    expect(await levels()).toEqual(['BREACH', 'CRITICAL', 'WARNING']);
    const recipients = await api.db.query(`SELECT x.level, n.user_id FROM escalation x JOIN notification n ON n.escalation_id = x.id WHERE x.case_id = $1`, [
      caseId,
    ]);
    const to = (level: string) =>
      recipients
        .filter((r: { level: string }) => r.level === level)
        .map((r: { user_id: string }) => r.user_id)
        .sort();
    expect(to('WARNING')).toEqual([p.officers[0].id]);
    expect(to('BREACH')).toEqual([p.supervisor.id]);
    expect(to('CRITICAL')).toEqual([p.supervisor.id, p.federationSupervisor.id].sort());
    const officerView = await api.ok(`{ escalations { id level case { id } } }`, {}, p.officers[0].token);
    expect(officerView.escalations.filter((e: any) => e.case.id === caseId).map((e: any) => e.level)).toEqual(['WARNING']);
    const warning = officerView.escalations.find((e: any) => e.case.id === caseId);
    const ack = await api.ok(`mutation($id: ID!) { acknowledgeEscalation(id: $id) { id acknowledgedAt } }`, { id: warning.id }, p.officers[0].token);
    expect(ack.acknowledgeEscalation.acknowledgedAt).toBeTruthy();
    const after = await api.ok(`{ escalations { id } }`, {}, p.officers[0].token);
    expect(after.escalations.map((e: any) => e.id)).not.toContain(warning.id);
    const notMine = await api.gql(`mutation($id: ID!) { acknowledgeEscalation(id: $id) { id } }`, { id: warning.id }, p.supervisor.token);
    expect(notMine.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('runs one sweep at a time: a sweep started while another holds the lock does nothing', async () => {
    const sweep = worker.app.get(EscalationsService);
    const runs = async () => (await api.db.query(`SELECT count(*)::int AS n FROM job_run WHERE job = 'escalation-sweep'`))[0].n;
    const before = await runs();
    const other = api.db.createQueryRunner(); // another worker's sweep, in the middle of its transaction
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(`SELECT pg_advisory_xact_lock($1)`, [SWEEP_LOCK_KEY]);
      expect(await sweep.sweep()).toEqual({ ran: false, raised: 0, notified: 0 });
      expect(await runs()).toBe(before);
      await other.commitTransaction();
    } finally {
      await other.release();
    }
    expect((await sweep.sweep()).ran).toBe(true);
    expect(await runs()).toBe(before + 1);
  });

  it('stops escalating a case that moved on', async () => {
    const caseId = await openCase();
    await api.db.query(`UPDATE founding_case SET warning_on = '2025-03-10', stage_due_on = '2025-03-12', critical_on = '2025-03-19' WHERE id = $1`, [caseId]);
    await api.ok(
      `mutation($i: CloseInput!) { closeFoundingCase(input: $i) { stage } }`,
      { i: { caseId, expectedVersion: 1, reason: 'WORKERS_DECLINED', comment: 'Người lao động chưa đồng ý' } },
      p.supervisor.token,
    );
    await worker.app.get(EscalationsService).sweep('2025-04-01');
    expect(await api.db.query(`SELECT 1 FROM escalation WHERE case_id = $1`, [caseId])).toHaveLength(0);
  });

  it('processes a directly queued job and removes finished jobs', async () => {
    const q = worker.queue(QueueName.SYSTEM);
    const job = await q.add(JobName.HEALTH_PING, { pingId: 'p1' }, { removeOnComplete: true });
    await eventually(async () => (await q.getJob(job.id!)) === undefined);
    // Not kept among the completed jobs (other jobs of the queue, e.g. the schedulers', may be).
    expect((await q.getCompleted(0, 1000)).filter((j) => j.id === job.id)).toEqual([]);
  });
});
