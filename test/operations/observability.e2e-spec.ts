import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '@app/queue';
import { createWorker } from '../../apps/worker/src/main';
import { WorkerMetrics } from '../../apps/worker/src/observability/worker-metrics';
import { MAX_OPERATION_NAMES } from '../../apps/api/src/observability/api-metrics';
import { openCase, steps, vnToday } from '../support/case-fixtures';
import { Province, TestApi, TestUser } from '../support/test-api';
import { eventually } from '../support/test-worker';

/**
 * /metrics on the API (public) and on the worker's health port, and bull-board at /admin/queues
 * (ADMIN only, by bearer token or the httpOnly cookie POST /admin/session sets).
 */

/** The value of one sample of a Prometheus text exposition (undefined when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const m = /^([^{\s]+)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

jest.setTimeout(120_000);

describe('operations: observability', () => {
  let api: TestApi;
  let p: Province;
  let admin: TestUser;

  const metrics = async () => {
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    // A case moved one stage before the first scrape (the Postgres gauges are read at most every 10 s).
    const ref = await openCase(api, p);
    await steps.survey(api, p.officers[0].token, ref);
    await steps.advance(api, p.officers[0].token, ref);
  });
  afterAll(() => api.close());

  describe('API /metrics (public)', () => {
    it('counts and times GraphQL requests by operation name, type and outcome', async () => {
      const before = await metrics();
      const labels = { operation: 'HardeningHome', type: 'query', outcome: 'ok' };
      const base = sample(before, 'cdcs_graphql_requests_total', labels) ?? 0;
      for (let i = 0; i < 3; i++) await api.ok(`query HardeningHome { me { id } }`, {}, p.supervisor.token);
      await api.gql(
        `mutation HardeningCreateUser { createUser(input: { email: "x@test.vn", fullName: "X", password: "long-enough-1", role: OFFICER, orgUnitId: "${p.unitId}" }) { id } }`,
        {},
        p.officers[0].token,
      );
      await api.gql(`query HardeningBroken { nope }`, {}, p.supervisor.token);
      await api.gql(`query HardeningUnparsable {`, {}, p.supervisor.token);
      const after = await metrics();
      expect(sample(after, 'cdcs_graphql_requests_total', labels)).toBe(base + 3);
      expect(sample(after, 'cdcs_graphql_request_duration_seconds_count', { operation: 'HardeningHome', type: 'query' })).toBeGreaterThanOrEqual(3);
      expect(sample(after, 'cdcs_graphql_requests_total', { operation: 'HardeningCreateUser', type: 'mutation', outcome: 'FORBIDDEN' })).toBe(1);
      expect(sample(after, 'cdcs_graphql_requests_total', { operation: 'HardeningBroken', type: 'query', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
      expect(
        sample(after, 'cdcs_graphql_requests_total', { operation: '__anonymous__', type: 'unknown', outcome: 'GRAPHQL_PARSE_FAILED' }),
      ).toBeGreaterThanOrEqual(1);
      expect(after).toMatch(/^process_cpu_seconds_total /m);
    });

    it('caps the client-given operation names it keeps as labels', async () => {
      for (let i = 0; i < MAX_OPERATION_NAMES + 20; i++) await api.gql(`query Flood${i} { __typename }`);
      await api.gql(`query ${'L'.repeat(100)} { __typename }`);
      const text = await metrics();
      const names = new Set([...text.matchAll(/^cdcs_graphql_requests_total\{operation="([^"]*)"/gm)].map((m) => m[1]));
      expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2);
      expect(names).toContain('__other__');
      expect([...names].some((n) => n.length > 64)).toBe(false);
    });

    it('reports case transitions and open cases by stage from Postgres', async () => {
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM case_transition WHERE action = 'ADVANCE' AND from_stage = 'SURVEY' AND to_stage = 'OUTREACH'`,
      );
      const text = await metrics();
      expect(n).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'cdcs_case_transitions', { action: 'ADVANCE', from_stage: 'SURVEY', to_stage: 'OUTREACH' })).toBe(n);
      expect(sample(text, 'cdcs_founding_cases', { stage: 'OUTREACH' })).toBeGreaterThanOrEqual(1);
    });
  });

  describe('bull-board at /admin/queues (ADMIN only)', () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${api.url}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

    it('answers 401 without a login and 403 to officers and supervisors', async () => {
      expect((await get('/admin/queues')).status).toBe(401);
      expect((await get('/admin/queues', bearer('not-a-token'))).status).toBe(401);
      expect((await get('/admin/queues', bearer(p.officers[0].token))).status).toBe(403);
      expect((await get('/admin/queues', bearer(p.supervisor.token))).status).toBe(403);
      expect((await get('/admin/queues/api/queues', bearer(p.supervisor.token))).status).toBe(403);
    });

    it('shows the queues to an admin with a bearer token', async () => {
      const page = await get('/admin/queues', bearer(admin.token));
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<title>[^<]*CĐCS queues|bull/i);
      const res = await fetch(`${api.url}/admin/queues/api/queues`, { headers: bearer(admin.token) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { queues: { name: string }[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    });

    it('opens a browser session by an httpOnly cookie for admins only, refusing cross-site changes', async () => {
      const post = (token: string) => fetch(`${api.url}/admin/session`, { method: 'POST', headers: bearer(token) });
      expect((await fetch(`${api.url}/admin/session`, { method: 'POST' })).status).toBe(401);
      expect((await post(p.supervisor.token)).status).toBe(403);
      const opened = await post(admin.token);
      expect(opened.status).toBe(204);
      const setCookie = opened.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^cdcs_admin=[^;]+;/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).toMatch(/Path=\/admin/);
      const cookie = setCookie.split(';')[0];

      expect((await get('/admin/queues', { cookie })).status).toBe(200);
      expect((await get('/admin/queues/api/queues', { cookie })).status).toBe(200);
      // A supervisor's token in the cookie, or garbage, does not pass.
      expect((await get('/admin/queues', { cookie: `cdcs_admin=${p.supervisor.token}` })).status).toBe(403);
      expect((await get('/admin/queues', { cookie: 'cdcs_admin=garbage' })).status).toBe(401);
      // State-changing calls carried by the cookie must be same-origin.
      const pause = (headers: Record<string, string>) =>
        fetch(`${api.url}/admin/queues/api/queues/system/pause`, { method: 'PUT', headers: { cookie, ...headers } });
      expect((await pause({ origin: 'https://evil.example' })).status).toBe(403);
      expect((await pause({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await pause({})).status).toBe(403);
      // The cookie never authenticates the GraphQL API.
      const gql = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(((await gql.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

      const closed = await fetch(`${api.url}/admin/session`, { method: 'DELETE' });
      expect(closed.status).toBe(204);
      expect(closed.headers.get('set-cookie')).toMatch(/^cdcs_admin=;.*Max-Age=0/);
    });

    it('is not swallowed by the web app, nor reachable under other paths', async () => {
      expect((await get('/admin/queues/', {})).status).toBe(401);
      expect((await get('/admin/queues/api/queues')).status).toBe(401);
      expect((await get('/admin/queues/static/../api/queues')).status).toBe(401);
    });
  });

  describe('worker /metrics', () => {
    let worker: INestApplication;
    let workerUrl: string;

    afterAll(() => worker?.close());

    it('reports the outbox backlog from Postgres', async () => {
      // No worker runs yet: the report's build job waits in the outbox.
      await api.ok(
        `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
        {
          i: { orgUnitId: p.unitId, periodKind: 'MONTH', periodStart: `${vnToday().slice(0, 8)}01` },
        },
        p.supervisor.token,
      );
      const standalone = new WorkerMetrics(api.db);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
      const text = await standalone.scrape();
      expect(n).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'cdcs_outbox_backlog')).toBe(n);
      expect(sample(text, 'cdcs_outbox_oldest_unsent_seconds')).toBeGreaterThanOrEqual(0);
    });

    it('serves /metrics on the health port: jobs by queue and outcome, the backlog drained by the relay', async () => {
      worker = await createWorker();
      await worker.listen(0, '127.0.0.1');
      workerUrl = `http://127.0.0.1:${(worker.getHttpServer().address() as { port: number }).port}`;
      const scrape = async () => (await fetch(`${workerUrl}/metrics`)).text();

      const queue = worker.get<Queue>(getQueueToken(QueueName.SYSTEM), { strict: false });
      await queue.add(JobName.HEALTH_PING, { pingId: 'metrics-test' }, { removeOnComplete: true });
      await eventually(async () => (sample(await scrape(), 'cdcs_jobs_total', { queue: 'system', name: 'health-ping', outcome: 'completed' }) ?? 0) >= 1);
      // The relay moves the outbox into BullMQ; the report's build job completes.
      await eventually(async () => sample(await scrape(), 'cdcs_outbox_backlog') === 0, 30_000);
      await eventually(
        async () => (sample(await scrape(), 'cdcs_jobs_total', { queue: 'reports', name: 'build-report', outcome: 'completed' }) ?? 0) >= 1,
        30_000,
      );
      const text = await scrape();
      expect(sample(text, 'cdcs_job_duration_seconds_count', { queue: 'system', name: 'health-ping' })).toBeGreaterThanOrEqual(1);
      expect((await fetch(`${workerUrl}/health`)).status).toBe(200);
    });
  });
});
