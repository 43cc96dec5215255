import { TestApi } from '../support/test-api';
import { ensureWebBuild } from '../web/support/web-build';

/**
 * No `X-Powered-By`, and the usual security headers on the API's answers and the dashboard's
 * (docs/architecture.md). The dashboard itself runs under its policy in the browser tests (test/web),
 * which fail on any console error, a blocked script or style included.
 */
jest.setTimeout(180_000);

describe('security headers', () => {
  let api: TestApi;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
  });
  afterAll(() => api?.close());

  const expectUsualHeaders = (res: Response) => {
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  };

  it('answers GraphQL with them, and without X-Powered-By', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expectUsualHeaders(res);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('lets no GraphQL answer be stored, a refusal included', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a refused request (404) with them too', async () => {
    const res = await fetch(`${api.url}/reports/00000000-0000-4000-8000-000000000000/xlsx`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expectUsualHeaders(res);
  });

  it('serves the dashboard under a policy of its own origin only', async () => {
    const res = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectUsualHeaders(res);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['upgrade-insecure-requests']).toBeUndefined();
    // Every script the page loads is its own.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/src="\/assets\//);
  });
});
