import Fastify from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { Writable } from 'node:stream';
import { logRequests, requestId, requestLogging } from './request-logging';

type Line = { level: number; msg: string; req?: { id?: string; method?: string; url?: string }; res?: { statusCode: number }; responseTime?: number };

describe('request logging (Fastify hooks, the root logger of nestjs-pino)', () => {
  const lines: Line[] = [];
  const root = PinoLogger.root;
  const app = Fastify({ genReqId: requestId });
  let url = '';

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Line);
        cb();
      },
    });
    // Made as nestjs-pino makes the API's root logger: by pino-http, from the same options.
    (PinoLogger as unknown as { root: pino.Logger }).root = pinoHttp(requestLogging('info'), sink).logger;
    logRequests(app);
    app.get('/work', async () => {
      await new Promise((r) => setTimeout(r, 5));
      PinoLogger.root.warn('a warning made while serving the request');
      return { ok: true };
    });
    app.get('/health', async () => ({ ok: true }));
    app.get('/fails', async () => {
      throw new Error('boom');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    (PinoLogger as unknown as { root: pino.Logger }).root = root;
    await app.close();
  });

  it('names the request in every line logged while it runs, and logs it once answered, its id echoed', async () => {
    lines.length = 0;
    const res = await fetch(`${url}/work?x=1`, { headers: { 'x-request-id': 'abc-123', authorization: 'Bearer SECRET' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    await res.text();
    await new Promise((r) => setTimeout(r, 20));
    expect(lines.map((l) => [l.msg, l.req?.id])).toEqual([
      ['a warning made while serving the request', 'abc-123'],
      ['request completed', 'abc-123'],
    ]);
    expect(lines[1]).toMatchObject({ level: 30, req: { method: 'GET', url: '/work?x=1' }, res: { statusCode: 200 } });
    expect(lines[1].responseTime).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(lines)).not.toContain('SECRET');
  });

  it('gives a request without a valid id a new one, logs a failed one as an error, and leaves /health out', async () => {
    lines.length = 0;
    const failed = await fetch(`${url}/fails`, { headers: { 'x-request-id': 'spaces are not allowed' } });
    expect(failed.status).toBe(500);
    const id = failed.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await failed.text();
    await (await fetch(`${url}/health`)).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(lines.filter((l) => /^request /.test(l.msg))).toEqual([
      expect.objectContaining({ level: 50, msg: 'request errored', req: expect.objectContaining({ id }) }),
    ]);
  });

  it('adds no request to lines logged outside one', () => {
    lines.length = 0;
    PinoLogger.root.info('outside');
    expect(lines).toEqual([expect.not.objectContaining({ req: expect.anything() })]);
  });
});
