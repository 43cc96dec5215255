import { GqlResult, Province, TestApi } from '../support/test-api';
import { CaseRef, M, applicant, caseState, codeOf, createEnterprise, newPersonalId, steps, vnToday, walkToStage } from '../support/case-fixtures';

// Real HTTP, Postgres and bcrypt logins: slower than unit tests, especially on a busy machine.
jest.setTimeout(60_000);

const N = 16;

/** Fires `n` calls at once over HTTP and sorts the answers into successes and error codes. */
async function race(n: number, call: (i: number) => Promise<GqlResult>) {
  const results = await Promise.all(Array.from({ length: n }, (_, i) => call(i)));
  const ok = results.filter((r) => !r.errors?.length);
  const codes = results.filter((r) => r.errors?.length).map(codeOf);
  return { results, ok, codes };
}

describe('founding cases under concurrent writes', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(2);
  });
  afterAll(() => api.close());

  it(`${N} concurrent recordOutreach with the same expectedVersion: one success, ${N - 1} CONFLICT, history = version - 1`, async () => {
    const ref = await walkToStage(api, p, 'OUTREACH');
    const v = ref.version;
    const { ok, codes } = await race(N, (i) =>
      api.gql(
        M.outreach,
        { i: { caseId: ref.caseId, expectedVersion: v, heldOn: vnToday(), workersReached: 50 + i, workersInterested: 10 } },
        p.officers[0].token,
      ),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    expect(ok[0].data.recordOutreach.version).toBe(v + 1);
    const s = await caseState(api, ref.caseId);
    expect(s).toMatchObject({ version: v + 1, stage: 'OUTREACH' });
    expect(s.history).toBe(s.version - 1);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM case_evidence WHERE case_id = $1 AND kind = 'OUTREACH'`, [ref.caseId]);
    expect(n).toBe(1);
    // Versions in the history are unique and contiguous.
    const versions = (await api.db.query(`SELECT version FROM case_transition WHERE case_id = $1 ORDER BY version`, [ref.caseId])).map(
      (r: { version: number }) => r.version,
    );
    expect(versions).toEqual(Array.from({ length: s.version - 1 }, (_, i) => i + 2));
  });

  it(`${N} concurrent advances (officer and supervisor mixed) with the same expectedVersion: one move`, async () => {
    const ref = await walkToStage(api, p, 'SURVEY');
    await steps.survey(api, p.officers[0].token, ref);
    const v = ref.version;
    const { ok, codes } = await race(N, (i) =>
      api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: v, comment: `lần ${i}` } }, i % 2 ? p.supervisor.token : p.officers[0].token),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    const s = await caseState(api, ref.caseId);
    expect(s).toMatchObject({ version: v + 1, stage: 'OUTREACH', history: v });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM case_transition WHERE case_id = $1 AND action = 'ADVANCE'`, [ref.caseId]);
    expect(n).toBe(1);
  });

  it(`${N} concurrent different writes (advance, close, assign, survey) on one version: exactly one wins`, async () => {
    const ref = await walkToStage(api, p, 'SURVEY');
    await steps.survey(api, p.officers[0].token, ref);
    const v = ref.version;
    const calls: (() => Promise<GqlResult>)[] = [
      () => api.gql(M.advance, { i: { caseId: ref.caseId, expectedVersion: v } }, p.officers[0].token),
      () => api.gql(M.close, { i: { caseId: ref.caseId, expectedVersion: v, reason: 'OTHER', comment: 'đóng' } }, p.supervisor.token),
      () => api.gql(M.assign, { i: { caseId: ref.caseId, expectedVersion: v, assigneeId: p.officers[1].id } }, p.supervisor.token),
      () => api.gql(M.survey, { i: { caseId: ref.caseId, expectedVersion: v, surveyedOn: vnToday(), workerCount: 77, hasUnion: false } }, p.officers[0].token),
    ];
    const { ok, codes } = await race(N, (i) => calls[i % calls.length]());
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    const s = await caseState(api, ref.caseId);
    expect(s.version).toBe(v + 1);
    expect(s.history).toBe(s.version - 1);
  });

  it(`${N} concurrent openFoundingCase for one enterprise: one case, ${N - 1} CONFLICT`, async () => {
    const enterpriseId = await createEnterprise(api, p);
    const { ok, codes } = await race(N, (i) => api.gql(M.open, { i: { enterpriseId, assigneeId: p.officers[i % 2].id } }, p.supervisor.token));
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM founding_case WHERE enterprise_id = $1`, [enterpriseId]);
    expect(n).toBe(1);
  });

  it(`${N} concurrent applications with the same citizen id: one stored, ${N - 1} INELIGIBLE ALREADY_MEMBER`, async () => {
    const ref: CaseRef = await walkToStage(api, p, 'GUIDANCE');
    const personalId = newPersonalId();
    const { ok, results } = await race(N, () => api.gql(M.apply, { i: applicant({ caseId: ref.caseId }, { personalId }) }, p.officers[0].token));
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM membership_application WHERE personal_id = $1`, [personalId]);
    expect({ stored: n, succeeded: ok.length }).toEqual({ stored: 1, succeeded: 1 });
    for (const r of results.filter((x) => x.errors?.length)) {
      expect(r.errors![0].extensions).toMatchObject({ code: 'INELIGIBLE', reasons: ['ALREADY_MEMBER'] });
    }
  });
});
