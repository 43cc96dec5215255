import { randomUUID } from 'node:crypto';
import { ApiProcess } from '../support/api-process';
import { eventually } from '../support/test-worker';

jest.setTimeout(120_000);

type RequestLine = { msg?: string; req?: { id?: string; method?: string; url?: string }; res?: { statusCode?: number } };

/** The API's request log (a real process, its stdout): one line per request, its id echoed and shared, no headers. */
describe('request logs', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await ApiProcess.start({ LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const requestLines = () => (api.logLines() as RequestLine[]).filter((l) => l.msg === 'request completed');

  it("logs each request once with the caller's id (echoed in x-request-id), its method, path and status, and none of its headers", async () => {
    const id = `log-test-${randomUUID().slice(0, 8)}`;
    const refused = await fetch(`${api.url}/documents/${randomUUID()}/pdf`, {
      headers: { 'x-request-id': id, authorization: 'Bearer not-a-token-SECRET-4711' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe(id);

    const answered = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'not a valid id; spaces' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answered.status).toBe(200);
    const given = answered.headers.get('x-request-id')!;
    expect(given).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(async () => requestLines().some((l) => l.req?.id === given), 10_000);
    const mine = requestLines().filter((l) => l.req?.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ req: { method: 'GET', url: expect.stringMatching(/^\/documents\/.+\/pdf$/) }, res: { statusCode: 401 } });
    expect(requestLines().filter((l) => l.req?.id === given)).toEqual([
      expect.objectContaining({ req: expect.objectContaining({ method: 'POST', url: '/graphql' }), res: { statusCode: 200 } }),
    ]);
    expect(api.output()).not.toContain('SECRET-4711');
  });

  it('leaves /health out of the request log', async () => {
    const id = `health-${randomUUID().slice(0, 8)}`;
    expect((await fetch(`${api.url}/health`, { headers: { 'x-request-id': id } })).status).toBe(200);
    const marker = `after-${randomUUID().slice(0, 8)}`;
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': marker },
      body: '{"query":"{ __typename }"}',
    });
    await eventually(async () => requestLines().some((l) => l.req?.id === marker), 10_000);
    expect(requestLines().some((l) => l.req?.id === id)).toBe(false);
  });
});
