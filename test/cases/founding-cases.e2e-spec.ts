import { Province, TestApi, newTaxCode } from '../support/test-api';
import {
  CaseRef,
  M,
  Q,
  addDays,
  applicant,
  newPersonalId,
  caseState,
  codeOf,
  createEnterprise,
  errorOf,
  openCase,
  steps,
  submitApplications,
  vnToday,
  walkToStage,
} from '../support/case-fixtures';

// Real HTTP, Postgres and bcrypt logins: slower than unit tests, especially on a busy machine.
jest.setTimeout(60_000);

const sorted = (xs: string[]) => [...xs].sort();

describe('founding cases over GraphQL', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(2);
  });
  afterAll(() => api.close());

  describe('happy path', () => {
    it('walks a case from SURVEY to RECOGNIZED: CĐCS founded, applicants admitted, enterprise has a union, one history row per version', async () => {
      const officer = p.officers[0];
      const sup = p.supervisor;
      // The officer registers the enterprise of its own unit; the supervisor opens the case and assigns it.
      const enterpriseId = await createEnterprise(api, p, { token: officer.token, workerCount: 60, hasUnion: false });
      const opened = (await api.ok(M.open, { i: { enterpriseId, assigneeId: officer.id } }, sup.token)).openFoundingCase;
      expect(opened).toMatchObject({
        version: 1,
        stage: 'SURVEY',
        assignee: { id: officer.id },
        orgUnit: { id: p.unitId },
        enterprise: { id: enterpriseId, hasUnion: false },
        grassrootsUnion: null,
        history: [],
        applications: [],
        closedReason: null,
      });
      expect(opened.stageDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const ref: CaseRef = { caseId: opened.id, version: 1, enterpriseId, stage: 'SURVEY', applicationIds: [] };

      await steps.survey(api, officer.token, ref, { workerCount: 64 });
      expect(ref).toMatchObject({ version: 2, stage: 'SURVEY' });
      await steps.advance(api, officer.token, ref, 'Khảo sát xong');
      expect(ref).toMatchObject({ version: 3, stage: 'OUTREACH' });
      await steps.outreach(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 4, stage: 'OUTREACH' });
      await steps.advance(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 5, stage: 'GUIDANCE' });
      await steps.committee(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 6, stage: 'GUIDANCE' });
      const appIds = await submitApplications(api, officer.token, ref, 5);
      // Applications are not case writes: the version stays.
      expect((await caseState(api, ref.caseId)).version).toBe(6);
      await steps.advance(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 7, stage: 'FOUNDING_CEREMONY' });
      await steps.congress(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 8, stage: 'FOUNDING_CEREMONY' });
      await steps.advance(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 9, stage: 'RECOGNITION_DECISION' });
      const decisionNumber = `45/QĐ-CĐN ${p.tag}`;
      const decidedOn = vnToday();
      const unionName = `Công đoàn cơ sở Công ty May ${p.tag}`;
      await steps.decision(api, sup.token, ref, { decisionNumber, decidedOn, grassrootsUnionName: unionName });
      expect(ref).toMatchObject({ version: 10, stage: 'RECOGNITION_DECISION' });
      const recognized = (await api.ok(M.advance, { i: { caseId: ref.caseId, expectedVersion: 10 } }, officer.token)).advanceFoundingCase;
      expect(recognized).toMatchObject({
        version: 11,
        stage: 'RECOGNIZED',
        stageDueOn: null,
        decisionNumber,
        decidedOn,
        grassrootsUnion: { name: unionName, kind: 'GRASSROOTS', parent: { id: p.unitId } },
        enterprise: { id: enterpriseId, hasUnion: true },
      });

      // Read back as the supervisor: the founding is complete.
      const c = (await api.ok(Q.foundingCase, { id: ref.caseId }, sup.token)).foundingCase;
      expect(c.grassrootsUnion).toEqual(recognized.grassrootsUnion);
      expect(c.applications).toHaveLength(5);
      expect(sorted(c.applications.map((a: { id: string }) => a.id))).toEqual(sorted(appIds));
      for (const a of c.applications) expect(a).toMatchObject({ status: 'ADMITTED', decisionNumber, decidedOn });
      expect(c.enterprise.hasUnion).toBe(true);

      // History: one row per version after the first, each with the right from/to and actor.
      const expected: [string, string, string, string][] = [
        ['SURVEY', 'SURVEY', 'RECORD_SURVEY', officer.id],
        ['SURVEY', 'OUTREACH', 'ADVANCE', officer.id],
        ['OUTREACH', 'OUTREACH', 'RECORD_OUTREACH', officer.id],
        ['OUTREACH', 'GUIDANCE', 'ADVANCE', officer.id],
        ['GUIDANCE', 'GUIDANCE', 'FORM_COMMITTEE', officer.id],
        ['GUIDANCE', 'FOUNDING_CEREMONY', 'ADVANCE', officer.id],
        ['FOUNDING_CEREMONY', 'FOUNDING_CEREMONY', 'RECORD_CONGRESS', officer.id],
        ['FOUNDING_CEREMONY', 'RECOGNITION_DECISION', 'ADVANCE', officer.id],
        ['RECOGNITION_DECISION', 'RECOGNITION_DECISION', 'RECORD_DECISION', sup.id],
        ['RECOGNITION_DECISION', 'RECOGNIZED', 'ADVANCE', officer.id],
      ];
      expect(c.history).toHaveLength(c.version - 1);
      expect(c.history.map((h: any) => [h.from, h.to, h.action, h.by.id])).toEqual(expected);
      expect(c.history.map((h: any) => h.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(c.history[1].comment).toBe('Khảo sát xong');

      // Postgres: members of the new CĐCS as of the decision day; the register says the enterprise has a union.
      const members = await api.db.query(
        `SELECT grassroots_union_id, application_id, to_char(admitted_on, 'YYYY-MM-DD') AS admitted_on, decision_number FROM member WHERE case_id = $1`,
        [ref.caseId],
      );
      expect(members).toHaveLength(5);
      for (const m of members) expect(m).toMatchObject({ grassroots_union_id: c.grassrootsUnion.id, admitted_on: decidedOn, decision_number: decisionNumber });
      expect(sorted(members.map((m: { application_id: string }) => m.application_id))).toEqual(sorted(appIds));
      const [unit] = await api.db.query(
        `SELECT u.kind, u.parent_id, u.path LIKE p.path || '.%' AS under, u.established_on FROM org_unit u JOIN org_unit p ON p.id = $2 WHERE u.id = $1`,
        [c.grassrootsUnion.id, p.unitId],
      );
      // Founded on the recognition decision's day (docs/architecture.md#statistics-returns).
      expect(unit).toEqual({ kind: 'GRASSROOTS', parent_id: p.unitId, under: true, established_on: decidedOn });
      const [ent] = await api.db.query(`SELECT has_union, worker_count FROM enterprise WHERE id = $1`, [enterpriseId]);
      expect(ent).toEqual({ has_union: true, worker_count: 64 });

      // RECOGNIZED is terminal.
      const again = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: 11 } }, officer.token);
      expect(codeOf(again)).toBe('TRANSITION_NOT_ALLOWED');
      expect(await caseState(api, ref.caseId)).toMatchObject({ version: 11, stage: 'RECOGNIZED', history: 10 });
    });
  });

  describe('refused advances name every unmet requirement and change nothing', () => {
    it('SURVEY without assignee and survey: SURVEY_MISSING and NO_ASSIGNEE', async () => {
      const ref = await openCase(api, p, { assignee: null });
      const before = await caseState(api, ref.caseId);
      const r = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: 1 } }, p.supervisor.token);
      expect(codeOf(r)).toBe('TRANSITION_NOT_ALLOWED');
      expect(sorted(errorOf(r).unmet)).toEqual(['NO_ASSIGNEE', 'SURVEY_MISSING']);
      expect(await caseState(api, ref.caseId)).toEqual(before);
      expect(before).toMatchObject({ version: 1, stage: 'SURVEY', history: 0 });
    });

    it('SURVEY with a survey saying the enterprise has a union and no assignee: ENTERPRISE_HAS_UNION and NO_ASSIGNEE; assigning leaves the union', async () => {
      const ref = await openCase(api, p, { assignee: null });
      await steps.survey(api, p.supervisor.token, ref, { hasUnion: true });
      const r = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, p.supervisor.token);
      expect(sorted(errorOf(r).unmet)).toEqual(['ENTERPRISE_HAS_UNION', 'NO_ASSIGNEE']);
      const assigned = await api.ok(
        M.assign,
        { i: { caseId: ref.caseId, expectedVersion: ref.version, assigneeId: p.officers[1].id, reason: 'Phân công' } },
        p.supervisor.token,
      );
      expect(assigned.assignFoundingCase).toMatchObject({ version: 3, stage: 'SURVEY', assignee: { id: p.officers[1].id } });
      const r2 = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: 3 } }, p.officers[1].token);
      expect(errorOf(r2)).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', unmet: ['ENTERPRISE_HAS_UNION'] });
      expect(await caseState(api, ref.caseId)).toMatchObject({ version: 3, stage: 'SURVEY', history: 2 });
    });

    it('OUTREACH without outreach: NO_OUTREACH', async () => {
      const ref = await walkToStage(api, p, 'OUTREACH');
      const before = await caseState(api, ref.caseId);
      const r = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, p.officers[0].token);
      expect(errorOf(r)).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', unmet: ['NO_OUTREACH'] });
      expect(await caseState(api, ref.caseId)).toEqual(before);
    });

    it('GUIDANCE with no committee and 2 applications: NO_MOBILIZATION_COMMITTEE and TOO_FEW_APPLICATIONS; passes once both are met', async () => {
      const officer = p.officers[0];
      const ref = await walkToStage(api, p, 'GUIDANCE');
      await submitApplications(api, officer.token, ref, 2);
      const before = await caseState(api, ref.caseId);
      const r = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, officer.token);
      expect(codeOf(r)).toBe('TRANSITION_NOT_ALLOWED');
      expect(sorted(errorOf(r).unmet)).toEqual(['NO_MOBILIZATION_COMMITTEE', 'TOO_FEW_APPLICATIONS']);
      expect(await caseState(api, ref.caseId)).toEqual(before);
      expect(before).toMatchObject({ stage: 'GUIDANCE', history: before.version - 1, applications: 2 });

      // Committee alone is not enough: still 2 < 5.
      await steps.committee(api, officer.token, ref);
      const r2 = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, officer.token);
      expect(errorOf(r2).unmet).toEqual(['TOO_FEW_APPLICATIONS']);
      await submitApplications(api, officer.token, ref, 2);
      const r3 = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, officer.token);
      expect(errorOf(r3).unmet).toEqual(['TOO_FEW_APPLICATIONS']);
      await submitApplications(api, officer.token, ref, 1);
      await steps.advance(api, officer.token, ref);
      expect(ref.stage).toBe('FOUNDING_CEREMONY');
    });

    it('FOUNDING_CEREMONY without congress: NO_CONGRESS and NO_DOSSIER; RECOGNITION_DECISION without decision: NO_DECISION', async () => {
      const officer = p.officers[0];
      const ref = await walkToStage(api, p, 'FOUNDING_CEREMONY');
      const r = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, officer.token);
      expect(sorted(errorOf(r).unmet)).toEqual(['NO_CONGRESS', 'NO_DOSSIER']);
      await steps.congress(api, officer.token, ref);
      await steps.advance(api, officer.token, ref);
      expect(ref.stage).toBe('RECOGNITION_DECISION');
      const before = await caseState(api, ref.caseId);
      const r2 = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version } }, p.supervisor.token);
      expect(errorOf(r2)).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', unmet: ['NO_DECISION'] });
      expect(await caseState(api, ref.caseId)).toEqual(before);
      // Nothing was founded by the refusal.
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM member WHERE case_id = $1`, [ref.caseId]);
      expect(n).toBe(0);
    });

    it('applications are taken before the recognition decision only', async () => {
      const officer = p.officers[0];
      const ref = await walkToStage(api, p, 'RECOGNITION_DECISION');
      const before = await caseState(api, ref.caseId);
      const r = await api.gql(M.apply, { i: applicant({ caseId: ref.caseId }) }, officer.token);
      expect(codeOf(r)).toBe('TRANSITION_NOT_ALLOWED');
      expect(await caseState(api, ref.caseId)).toEqual(before);
      const closed = await openCase(api, p);
      await api.ok(M.close, { i: { caseId: closed.caseId, expectedVersion: 1, reason: 'ENTERPRISE_DISSOLVED', comment: 'Giải thể' } }, p.supervisor.token);
      const r2 = await api.gql(M.apply, { i: applicant({ caseId: closed.caseId }) }, officer.token);
      expect(codeOf(r2)).toBe('TRANSITION_NOT_ALLOWED');
      expect((await caseState(api, closed.caseId)).applications).toBe(0);
    });

    it('evidence is only accepted in its stage: TRANSITION_NOT_ALLOWED, nothing recorded', async () => {
      const officer = p.officers[0];
      const ref = await openCase(api, p);
      const before = await caseState(api, ref.caseId);
      const wrong = [
        await api.gql(
          M.outreach,
          { i: { caseId: ref.caseId, expectedVersion: 1, heldOn: vnToday(), workersReached: 10, workersInterested: 5 } },
          officer.token,
        ),
        await api.gql(M.committee, { i: { caseId: ref.caseId, expectedVersion: 1, formedOn: vnToday(), memberNames: ['A'] } }, officer.token),
        await api.gql(
          M.congress,
          {
            i: {
              caseId: ref.caseId,
              expectedVersion: 1,
              heldOn: vnToday(),
              attendees: 10,
              executiveCommittee: ['A'],
              chairName: 'A',
              dossierCompletedOn: vnToday(),
            },
          },
          officer.token,
        ),
        await api.gql(
          M.decision,
          {
            i: { caseId: ref.caseId, expectedVersion: 1, decisionNumber: '1/QĐ', decidedOn: vnToday(), signedBy: 'B', grassrootsUnionName: 'CĐCS' },
          },
          p.supervisor.token,
        ),
      ];
      expect(wrong.map(codeOf)).toEqual(['TRANSITION_NOT_ALLOWED', 'TRANSITION_NOT_ALLOWED', 'TRANSITION_NOT_ALLOWED', 'TRANSITION_NOT_ALLOWED']);
      expect(await caseState(api, ref.caseId)).toEqual(before);
    });
  });

  describe('optimistic concurrency', () => {
    it('a stale expectedVersion answers CONFLICT and changes nothing (not even the register)', async () => {
      const officer = p.officers[0];
      const ref = await openCase(api, p, { workerCount: 50 });
      await steps.survey(api, officer.token, ref, { workerCount: 70 });
      expect(ref.version).toBe(2);
      const before = await caseState(api, ref.caseId);
      const staleSurvey = await api.gql(
        M.survey,
        {
          i: { caseId: ref.caseId, expectedVersion: 1, surveyedOn: vnToday(), workerCount: 999, hasUnion: true },
        },
        officer.token,
      );
      const staleAdvance = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: 1 } }, officer.token);
      const futureAdvance = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: 3 } }, officer.token);
      const staleClose = await api.gql(M.close, { i: { caseId: ref.caseId, expectedVersion: 1, reason: 'OTHER', comment: 'x' } }, p.supervisor.token);
      expect([staleSurvey, staleAdvance, futureAdvance, staleClose].map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
      // In Vietnamese for the user, with what to do; the reason lets the dashboard offer the reload.
      expect(staleAdvance.errors?.[0]).toMatchObject({
        message: 'Hồ sơ vừa được người khác cập nhật — hãy tải lại trang để xem thay đổi mới nhất',
        extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 },
      });
      expect(await caseState(api, ref.caseId)).toEqual(before);
      const [ent] = await api.db.query(`SELECT worker_count, has_union FROM enterprise WHERE id = $1`, [ref.enterpriseId]);
      expect(ent).toEqual({ worker_count: 70, has_union: false });
      // The current version still works.
      await steps.advance(api, officer.token, ref);
      expect(ref).toMatchObject({ version: 3, stage: 'OUTREACH' });
    });

    // The update, evidence and history are one statement (alone, or in a transaction with the outbox row
    // of a stage change): the rows it leaves, column by column, and none from a refused write.
    it('a write leaves the case, one evidence row, one history row and (on a stage change) one outbox row; a stale one none', async () => {
      const officer = p.officers[0];
      const ref = await openCase(api, p, { assignee: officer });
      await steps.survey(api, officer.token, ref, { workerCount: 77, contactName: 'Anh Tuấn' });
      await steps.advance(api, officer.token, ref, 'Sang tuyên truyền');
      const heldOn = addDays(vnToday(), -2);
      await steps.outreach(api, officer.token, ref, { heldOn, workersReached: 90, workersInterested: 12, note: '  Ca chiều  ' });
      expect(ref).toMatchObject({ version: 4, stage: 'OUTREACH' });
      const stale = await api.gql(
        M.outreach,
        { i: { caseId: ref.caseId, expectedVersion: 3, heldOn, workersReached: 1, workersInterested: 1 } },
        officer.token,
      );
      expect(codeOf(stale)).toBe('CONFLICT');

      const [c] = await api.db.query(`SELECT version, stage, stage_due_on FROM founding_case WHERE id = $1`, [ref.caseId]);
      expect(c).toMatchObject({ version: 4, stage: 'OUTREACH' });
      const evidence = await api.db.query(`SELECT kind, stage, occurred_on, details, recorded_by FROM case_evidence WHERE case_id = $1 ORDER BY id`, [
        ref.caseId,
      ]);
      expect(evidence).toEqual([
        {
          kind: 'SURVEY',
          stage: 'SURVEY',
          occurred_on: vnToday(),
          details: { workerCount: 77, hasUnion: false, contactName: 'Anh Tuấn' },
          recorded_by: officer.id,
        },
        { kind: 'OUTREACH', stage: 'OUTREACH', occurred_on: heldOn, details: { workersReached: 90, workersInterested: 12 }, recorded_by: officer.id },
      ]);
      const history = await api.db.query(
        `SELECT version, action, from_stage, to_stage, stage_due_on, by_user_id, comment FROM case_transition WHERE case_id = $1 ORDER BY version`,
        [ref.caseId],
      );
      expect(history).toEqual([
        expect.objectContaining({ version: 2, action: 'RECORD_SURVEY', from_stage: 'SURVEY', to_stage: 'SURVEY', by_user_id: officer.id, comment: null }),
        {
          version: 3,
          action: 'ADVANCE',
          from_stage: 'SURVEY',
          to_stage: 'OUTREACH',
          stage_due_on: c.stage_due_on,
          by_user_id: officer.id,
          comment: 'Sang tuyên truyền',
        },
        {
          version: 4,
          action: 'RECORD_OUTREACH',
          from_stage: 'OUTREACH',
          to_stage: 'OUTREACH',
          stage_due_on: c.stage_due_on,
          by_user_id: officer.id,
          comment: 'Ca chiều',
        },
      ]);
      const outbox = await api.db.query(`SELECT job_name, payload FROM outbox WHERE payload->>'caseId' = $1 ORDER BY id`, [ref.caseId]);
      expect(outbox).toEqual([
        { job_name: 'case-stage-changed', payload: { caseId: ref.caseId, version: 1 } },
        { job_name: 'case-stage-changed', payload: { caseId: ref.caseId, version: 3 } },
      ]);
    });
  });

  describe('one open case per enterprise', () => {
    it('a second open answers CONFLICT; after closing a new one opens; reopening the closed one answers CONFLICT', async () => {
      const first = await openCase(api, p);
      const dup = await api.gql(M.open, { i: { enterpriseId: first.enterpriseId, assigneeId: p.officers[0].id } }, p.supervisor.token);
      expect(codeOf(dup)).toBe('CONFLICT');
      const countCases = async () => (await api.db.query(`SELECT count(*)::int AS n FROM founding_case WHERE enterprise_id = $1`, [first.enterpriseId]))[0].n;
      expect(await countCases()).toBe(1);

      const closed = await api.ok(
        M.close,
        { i: { caseId: first.caseId, expectedVersion: 1, reason: 'WORKERS_DECLINED', comment: 'Người lao động chưa đồng ý' } },
        p.supervisor.token,
      );
      expect(closed.closeFoundingCase).toMatchObject({ stage: 'CLOSED', version: 2, closedReason: 'WORKERS_DECLINED' });
      const second = await api.ok(M.open, { i: { enterpriseId: first.enterpriseId, assigneeId: p.officers[1].id } }, p.supervisor.token);
      expect(second.openFoundingCase).toMatchObject({ stage: 'SURVEY', version: 1 });
      expect(second.openFoundingCase.id).not.toBe(first.caseId);
      expect(await countCases()).toBe(2);

      const reopen = await api.gql(M.reopen, { i: { caseId: first.caseId, expectedVersion: 2, comment: 'Thử lại' } }, p.supervisor.token);
      expect(codeOf(reopen)).toBe('CONFLICT');
      expect(await caseState(api, first.caseId)).toMatchObject({ stage: 'CLOSED', version: 2, history: 1 });
      expect(await caseState(api, second.openFoundingCase.id)).toMatchObject({ stage: 'SURVEY', version: 1, history: 0 });
    });
  });

  describe('close and reopen', () => {
    it('close (reason + comment) then reopen returns to the stage it was closed in; officers may do neither', async () => {
      const officer = p.officers[0];
      const ref = await walkToStage(api, p, 'GUIDANCE');
      const v = ref.version;
      const byOfficer = await api.gql(M.close, { i: { caseId: ref.caseId, expectedVersion: v, reason: 'EMPLOYER_OBSTRUCTION', comment: 'x' } }, officer.token);
      expect(codeOf(byOfficer)).toBe('FORBIDDEN');
      expect(await caseState(api, ref.caseId)).toMatchObject({ stage: 'GUIDANCE', version: v });

      const noComment = await api.gql(
        M.close,
        { i: { caseId: ref.caseId, expectedVersion: v, reason: 'EMPLOYER_OBSTRUCTION', comment: '   ' } },
        p.supervisor.token,
      );
      expect(errorOf(noComment)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['comment'] });

      const comment = 'Chủ doanh nghiệp không hợp tác';
      const closed = (await api.ok(M.close, { i: { caseId: ref.caseId, expectedVersion: v, reason: 'EMPLOYER_OBSTRUCTION', comment } }, p.supervisor.token))
        .closeFoundingCase;
      expect(closed).toMatchObject({ stage: 'CLOSED', version: v + 1, closedReason: 'EMPLOYER_OBSTRUCTION', closedFromStage: 'GUIDANCE', stageDueOn: null });
      expect(closed.history[closed.history.length - 1]).toMatchObject({
        from: 'GUIDANCE',
        to: 'CLOSED',
        action: 'CLOSE',
        comment,
        by: { id: p.supervisor.id },
      });

      // A closed case does not advance and takes no evidence.
      const adv = await api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: v + 1 } }, p.supervisor.token);
      expect(codeOf(adv)).toBe('TRANSITION_NOT_ALLOWED');
      const reopenByOfficer = await api.gql(M.reopen, { i: { caseId: ref.caseId, expectedVersion: v + 1, comment: 'x' } }, officer.token);
      expect(codeOf(reopenByOfficer)).toBe('FORBIDDEN');
      expect(await caseState(api, ref.caseId)).toMatchObject({ stage: 'CLOSED', version: v + 1, history: v });

      const reopened = (
        await api.ok(M.reopen, { i: { caseId: ref.caseId, expectedVersion: v + 1, comment: 'Doanh nghiệp đồng ý trở lại' } }, p.supervisor.token)
      ).reopenFoundingCase;
      expect(reopened).toMatchObject({ stage: 'GUIDANCE', version: v + 2, closedReason: null, closedFromStage: null });
      expect(reopened.stageDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(reopened.history).toHaveLength(v + 1);
      expect(reopened.history[reopened.history.length - 1]).toMatchObject({
        from: 'CLOSED',
        to: 'GUIDANCE',
        action: 'REOPEN',
        comment: 'Doanh nghiệp đồng ý trở lại',
      });
      // Reopening an open case is not a legal step.
      const twice = await api.gql(M.reopen, { i: { caseId: ref.caseId, expectedVersion: v + 2, comment: 'again' } }, p.supervisor.token);
      expect(codeOf(twice)).toBe('TRANSITION_NOT_ALLOWED');
    });
  });

  describe('scope', () => {
    let a: Province;
    let b: Province;
    let c1: CaseRef;
    let c2: CaseRef;
    let c3: CaseRef;
    let bCase: CaseRef;

    beforeAll(async () => {
      a = await api.newProvince(2);
      b = await api.newProvince(1);
      c1 = await openCase(api, a, { assignee: a.officers[0] });
      c2 = await openCase(api, a, { assignee: a.officers[1] });
      c3 = await openCase(api, a, { assignee: null });
      bCase = await openCase(api, b);
    });

    it('an officer cannot read or write a case not assigned to it (null / NOT_FOUND, nothing changed)', async () => {
      const other = a.officers[1];
      const read = await api.gql(Q.foundingCase, { id: c1.caseId }, other.token);
      expect(read.errors).toBeUndefined();
      expect(read.data.foundingCase).toBeNull();
      const before = await caseState(api, c1.caseId);
      const writes = [
        await api.gql(M.survey, { i: { caseId: c1.caseId, expectedVersion: 1, surveyedOn: vnToday(), workerCount: 40, hasUnion: false } }, other.token),
        await api.gql(M.advance, { i: { caseId: c1.caseId, expectedVersion: 1 } }, other.token),
        await api.gql(M.apply, { i: applicant({ caseId: c1.caseId }) }, other.token),
        await api.gql(M.survey, { i: { caseId: c3.caseId, expectedVersion: 1, surveyedOn: vnToday(), workerCount: 40, hasUnion: false } }, other.token),
      ];
      expect(writes.map(codeOf)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
      expect(await caseState(api, c1.caseId)).toEqual(before);
      // Its own case it sees.
      const own = await api.ok(Q.foundingCase, { id: c2.caseId }, other.token);
      expect(own.foundingCase.id).toBe(c2.caseId);
    });

    it('a supervisor of another province gets null for foundingCase and NOT_FOUND for every write', async () => {
      const outsider = b.supervisor.token;
      const read = await api.gql(Q.foundingCase, { id: c1.caseId }, outsider);
      expect(read.errors).toBeUndefined();
      expect(read.data.foundingCase).toBeNull();
      const before = await caseState(api, c1.caseId);
      const writes = [
        await api.gql(M.advance, { i: { caseId: c1.caseId, expectedVersion: 1 } }, outsider),
        await api.gql(M.survey, { i: { caseId: c1.caseId, expectedVersion: 1, surveyedOn: vnToday(), workerCount: 40, hasUnion: false } }, outsider),
        await api.gql(M.close, { i: { caseId: c1.caseId, expectedVersion: 1, reason: 'OTHER', comment: 'x' } }, outsider),
        await api.gql(M.assign, { i: { caseId: c1.caseId, expectedVersion: 1, assigneeId: b.officers[0].id } }, outsider),
        await api.gql(M.apply, { i: applicant({ caseId: c1.caseId }) }, outsider),
        await api.gql(M.open, { i: { enterpriseId: c1.enterpriseId } }, outsider),
      ];
      expect(writes.map(codeOf)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
      expect(await caseState(api, c1.caseId)).toEqual(before);
      // …and the other way round, a supervisor cannot assign its case to a user of another province.
      const assignOut = await api.gql(M.assign, { i: { caseId: c3.caseId, expectedVersion: 1, assigneeId: b.officers[0].id } }, a.supervisor.token);
      expect(errorOf(assignOut)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['assigneeId'] });
      expect((await caseState(api, c3.caseId)).assignee_id).toBeNull();
    });

    it('applications and their decisions stay inside the scope', async () => {
      const bUnit = (await api.ok(M.createOrgUnit, { i: { name: `CĐCS ngoài ${b.tag}`, kind: 'GRASSROOTS', parentId: b.unitId } }, b.supervisor.token))
        .createOrgUnit;
      const foreign = await api.gql(M.apply, { i: applicant({ grassrootsUnionId: bUnit.id }) }, a.officers[0].token);
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM membership_application WHERE grassroots_union_id = $1`, [bUnit.id]);
      expect(n).toBe(0);
      const aUnit = (await api.ok(M.createOrgUnit, { i: { name: `CĐCS ${a.tag}`, kind: 'GRASSROOTS', parentId: a.unitId } }, a.supervisor.token)).createOrgUnit;
      const appId = (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: aUnit.id }) }, a.officers[0].token)).submitApplication.id;
      const decide = await api.gql(
        M.decideApplication,
        { i: { applicationId: appId, admit: true, decidedOn: vnToday(), decisionNumber: '9/QĐ' } },
        b.supervisor.token,
      );
      expect(codeOf(decide)).toBe('NOT_FOUND');
      const byOfficer = await api.gql(
        M.decideApplication,
        { i: { applicationId: appId, admit: true, decidedOn: vnToday(), decisionNumber: '9/QĐ' } },
        a.officers[0].token,
      );
      expect(codeOf(byOfficer)).toBe('FORBIDDEN');
      const [row] = await api.db.query(`SELECT status FROM membership_application WHERE id = $1`, [appId]);
      expect(row.status).toBe('SUBMITTED');
    });

    it('foundingCases lists only what the caller sees', async () => {
      const list = async (token: string, f: Record<string, unknown> | null = null) => (await api.ok(Q.foundingCases, { f, first: 50 }, token)).foundingCases;
      const ids = (conn: { nodes: { id: string }[] }) => sorted(conn.nodes.map((n) => n.id));

      const o1 = await list(a.officers[0].token);
      expect(o1.totalCount).toBe(1);
      expect(ids(o1)).toEqual([c1.caseId]);
      const o2 = await list(a.officers[1].token);
      expect(o2.totalCount).toBe(1);
      expect(ids(o2)).toEqual([c2.caseId]);
      // An officer filtering on another's cases still sees only its own.
      expect((await list(a.officers[0].token, { assigneeId: a.officers[1].id })).totalCount).toBe(0);

      const sup = await list(a.supervisor.token);
      expect(sup.totalCount).toBe(3);
      expect(ids(sup)).toEqual(sorted([c1.caseId, c2.caseId, c3.caseId]));
      const fed = await list(a.federationSupervisor.token);
      expect(fed.totalCount).toBe(3);

      const other = await list(b.supervisor.token);
      expect(other.totalCount).toBe(1);
      expect(ids(other)).toEqual([bCase.caseId]);
      const filtered = await api.gql(Q.foundingCases, { f: { orgUnitId: a.unitId }, first: 50 }, b.supervisor.token);
      expect(codeOf(filtered)).toBe('NOT_FOUND');
    });
  });

  describe('membership eligibility', () => {
    let ref: CaseRef;
    const countApps = async (caseId: string) =>
      (await api.db.query(`SELECT count(*)::int AS n FROM membership_application WHERE case_id = $1`, [caseId]))[0].n as number;

    beforeAll(async () => {
      ref = await walkToStage(api, p, 'GUIDANCE', { ownership: 'PRIVATE' });
    });

    it.each([
      ['MANAGER', { isManager: true, position: 'Giám đốc' }, ['MANAGER']],
      ['SERVING_SENTENCE', { servingSentence: true }, ['SERVING_SENTENCE']],
      ['FOREIGN_CONTRACT_TOO_SHORT', { nationality: 'Hàn Quốc', contractMonths: 6 }, ['FOREIGN_CONTRACT_TOO_SHORT']],
      [
        'all three at once',
        { isManager: true, servingSentence: true, nationality: 'Trung Quốc', contractMonths: 3 },
        ['MANAGER', 'SERVING_SENTENCE', 'FOREIGN_CONTRACT_TOO_SHORT'],
      ],
    ])('%s: INELIGIBLE with the reasons, nothing stored', async (_name, extra, reasons) => {
      const before = await countApps(ref.caseId);
      const r = await api.gql(M.apply, { i: applicant({ caseId: ref.caseId }, extra) }, p.officers[0].token);
      expect(codeOf(r)).toBe('INELIGIBLE');
      expect(sorted(errorOf(r).reasons)).toEqual(sorted(reasons));
      expect(await countApps(ref.caseId)).toBe(before);
    });

    it('ALREADY_MEMBER: the same citizen id twice; the same name and birth year twice on one case', async () => {
      const personalId = newPersonalId();
      await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }, { personalId }) }, p.officers[0].token);
      const before = await countApps(ref.caseId);
      const r = await api.gql(M.apply, { i: applicant({ caseId: ref.caseId }, { personalId }) }, p.officers[0].token);
      expect(errorOf(r)).toMatchObject({ code: 'INELIGIBLE', reasons: ['ALREADY_MEMBER'] });
      const same = applicant({ caseId: ref.caseId }, { fullName: `Đỗ Thị Thu ${p.tag}`, birthYear: 1995 });
      await api.ok(M.apply, { i: same }, p.officers[0].token);
      const r2 = await api.gql(M.apply, { i: { ...same, fullName: `đỗ thị thu ${p.tag}` } }, p.officers[0].token);
      expect(errorOf(r2)).toMatchObject({ code: 'INELIGIBLE', reasons: ['ALREADY_MEMBER'] });
      expect(await countApps(ref.caseId)).toBe(before + 1);
    });

    it('accepts a foreign worker with 12 months, a Vietnamese with 6, and a manager of a state enterprise', async () => {
      const ok1 = await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }, { nationality: 'Hàn Quốc', contractMonths: 12 }) }, p.officers[0].token);
      const ok2 = await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }, { nationality: 'Việt Nam', contractMonths: 6 }) }, p.officers[0].token);
      expect(ok1.submitApplication.status).toBe('SUBMITTED');
      expect(ok2.submitApplication.status).toBe('SUBMITTED');
      const state = await openCase(api, p, { ownership: 'STATE' });
      const mgr = await api.ok(M.apply, { i: applicant({ caseId: state.caseId }, { isManager: true, position: 'Phó Giám đốc' }) }, p.officers[0].token);
      expect(mgr.submitApplication.status).toBe('SUBMITTED');
      expect(await countApps(state.caseId)).toBe(1);
    });

    it('ALREADY_MEMBER for a citizen admitted as a member through another case', async () => {
      const officer = p.officers[0];
      const founded = await walkToStage(api, p, 'GUIDANCE');
      await steps.committee(api, officer.token, founded);
      const ids = Array.from({ length: 5 }, () => newPersonalId());
      for (const personalId of ids) await api.ok(M.apply, { i: applicant({ caseId: founded.caseId }, { personalId }) }, officer.token);
      await steps.advance(api, officer.token, founded);
      await steps.congress(api, officer.token, founded);
      await steps.advance(api, officer.token, founded);
      await steps.decision(api, p.supervisor.token, founded);
      await steps.advance(api, officer.token, founded);
      expect(founded.stage).toBe('RECOGNIZED');
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM member WHERE personal_id = ANY($1)`, [ids]);
      expect(n).toBe(5);

      const fresh = await openCase(api, p);
      const r = await api.gql(M.apply, { i: applicant({ caseId: fresh.caseId }, { personalId: ids[2] }) }, officer.token);
      expect(errorOf(r)).toMatchObject({ code: 'INELIGIBLE', reasons: ['ALREADY_MEMBER'] });
      expect(await countApps(fresh.caseId)).toBe(0);
    });
  });

  describe('bad input', () => {
    let ref: CaseRef;
    beforeAll(async () => {
      ref = await openCase(api, p, { workerCount: 33 });
    });

    it('a future surveyedOn and a negative workerCount: BAD_USER_INPUT naming both, nothing changed', async () => {
      const before = await caseState(api, ref.caseId);
      const tomorrow = addDays(vnToday(), 1);
      const r = await api.gql(
        M.survey,
        { i: { caseId: ref.caseId, expectedVersion: 1, surveyedOn: tomorrow, workerCount: -5, hasUnion: false } },
        p.officers[0].token,
      );
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(sorted(errorOf(r).fields)).toEqual(['surveyedOn', 'workerCount']);
      expect(await caseState(api, ref.caseId)).toEqual(before);
      const [ent] = await api.db.query(`SELECT worker_count FROM enterprise WHERE id = $1`, [ref.enterpriseId]);
      expect(ent.worker_count).toBe(33);
    });

    it('a malformed Date "2024-02-30" in variables: BAD_USER_INPUT naming the field', async () => {
      const r = await api.gql(
        M.survey,
        { i: { caseId: ref.caseId, expectedVersion: 1, surveyedOn: '2024-02-30', workerCount: 40, hasUnion: false } },
        p.officers[0].token,
      );
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(errorOf(r).fields).toContain('surveyedOn');
      const r2 = await api.gql(M.apply, { i: applicant({ caseId: ref.caseId }, { submittedOn: '2025-13-01' }) }, p.officers[0].token);
      expect(codeOf(r2)).toBe('BAD_USER_INPUT');
      expect(errorOf(r2).fields).toContain('submittedOn');
      expect(await caseState(api, ref.caseId)).toMatchObject({ version: 1, evidence: 0, applications: 0 });
    });

    it('a malformed Date literal in the query text: BAD_USER_INPUT naming the field', async () => {
      const r = await api.gql(
        `mutation { recordSurvey(input: { caseId: "${ref.caseId}", expectedVersion: 1, surveyedOn: "2024-02-30", workerCount: 40, hasUnion: false }) { id } }`,
        {},
        p.officers[0].token,
      );
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(errorOf(r).fields).toContain('surveyedOn');
    });

    it('a recognition decision dated before the completed dossier: BAD_USER_INPUT on decidedOn, nothing recorded', async () => {
      const ref2 = await walkToStage(api, p, 'RECOGNITION_DECISION', { dates: { congressOn: addDays(vnToday(), -10), dossierOn: addDays(vnToday(), -5) } });
      const before = await caseState(api, ref2.caseId);
      const r = await api.gql(
        M.decision,
        {
          i: {
            caseId: ref2.caseId,
            expectedVersion: ref2.version,
            decisionNumber: '7/QĐ',
            decidedOn: addDays(vnToday(), -6),
            signedBy: 'B',
            grassrootsUnionName: 'CĐCS',
          },
        },
        p.supervisor.token,
      );
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['decidedOn'] });
      expect(await caseState(api, ref2.caseId)).toEqual(before);
    });

    it('today in Vietnam is not the future', async () => {
      const own = await openCase(api, p);
      await steps.survey(api, p.officers[0].token, own, { surveyedOn: vnToday() });
      expect(own.version).toBe(2);
    });

    it('outreach figures and enterprise registration are checked, naming the fields', async () => {
      const out = await walkToStage(api, p, 'OUTREACH');
      const r = await api.gql(
        M.outreach,
        { i: { caseId: out.caseId, expectedVersion: out.version, heldOn: vnToday(), workersReached: 10, workersInterested: 11 } },
        p.officers[0].token,
      );
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['workersInterested'] });

      const taxCode = '12345';
      const e = await api.gql(
        M.createEnterprise,
        {
          i: { name: 'Công ty X', taxCode, workerCount: -1, hasUnion: false, orgUnitId: p.unitId },
        },
        p.supervisor.token,
      );
      expect(codeOf(e)).toBe('BAD_USER_INPUT');
      expect(sorted(errorOf(e).fields)).toEqual(['taxCode', 'workerCount']);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM enterprise WHERE tax_code = $1`, [taxCode]);
      expect(n).toBe(0);
      // A duplicate tax code is a uniqueness CONFLICT.
      const tc = newTaxCode();
      await api.ok(M.createEnterprise, { i: { name: 'Công ty Y', taxCode: tc, workerCount: 30, hasUnion: false, orgUnitId: p.unitId } }, p.supervisor.token);
      const dup = await api.gql(
        M.createEnterprise,
        { i: { name: 'Công ty Z', taxCode: tc, workerCount: 30, hasUnion: false, orgUnitId: p.unitId } },
        p.supervisor.token,
      );
      expect(codeOf(dup)).toBe('CONFLICT');
    });
  });
});
