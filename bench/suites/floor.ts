import http from 'node:http';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { CpuMeter } from '../lib/cpu';
import { GqlClient } from '../lib/http';
import { LoadResult, closedLoop, measuredLoop, medianCpu } from '../lib/load';
import { median } from '../lib/stats';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;

interface Request {
  query: string;
  what: string;
  target: number;
  authenticated: boolean;
}

const REQUESTS: Request[] = [
  {
    query: '{ __typename }',
    what: 'HTTP (Fastify), request log and headers, Mercurius with graphql-jit (no guard, no database)',
    target: 0.35,
    authenticated: false,
  },
  { query: '{ me { id } }', what: "+ JWT, the caller (AccessGuard: the callers' cache, else one statement), one resolver", target: 0.25, authenticated: true },
];
/** The concurrencies measured; the targets are at 16. */
const FLOOR_CONCURRENCIES = [1, 16];

/** POST /graphql; the status and the body's bytes as text (to check both servers answer the same). */
function post(port: number, query: string, token?: string): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ query, variables: {} });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The request floor: the product's API (ctx.api, its own process) against a bare `node:http` server
 * (bench/hosts/bare-http-host.ts, its own process) answering the same bytes for the same request.
 * Rounds alternate baseline and system at each concurrency; each side's own process CPU per request.
 */
export async function floorSuite(ctx: Ctx, password: string): Promise<void> {
  const { world, scale, pg, gql } = ctx;
  const conc = Math.max(...FLOOR_CONCURRENCIES);
  const tokens: string[] = [];
  for (const o of world.txOfficers.slice(0, conc)) tokens.push((await gql.request(LOGIN, { e: o.email, p: password })).login.accessToken);

  const bare = await Host.start('bare-http', 'bare-http-host.ts', ctx.hostEnv);
  const bareGql = new GqlClient(`http://127.0.0.1:${bare.info.port}`);
  const meters = { system: new CpuMeter(pg, ctx.api.pid), base: new CpuMeter(pg, bare.pid) };
  try {
    for (const r of REQUESTS) {
      // Same request, same bytes: otherwise the baseline would not be the floor of this answer.
      for (const token of [tokens[0], tokens[conc - 1]]) {
        const [mine, theirs] = await Promise.all([post(ctx.api.info.port, r.query, token), post(bare.info.port, r.query, token)]);
        if (mine.status !== 200 || mine.body !== theirs.body)
          throw new Error(`floor ${r.query}: API answered ${mine.status} ${mine.body}, bare ${theirs.status} ${theirs.body}`);
      }
      const op = (client: GqlClient) => async (k: number) => void (await client.request(r.query, {}, r.authenticated ? tokens[k % tokens.length] : undefined));
      const ops = { system: op(gql), base: op(bareGql) };
      for (const c of FLOOR_CONCURRENCIES) {
        for (const side of ['base', 'system'] as const) await closedLoop(c, scale.warmupSeconds, ops[side]);
        const runs: Record<'system' | 'base', LoadResult[]> = { system: [], base: [] };
        for (let round = 0; round < scale.rounds; round++) {
          for (const side of ['base', 'system'] as const) {
            const res = await measuredLoop(meters[side], c, scale.transitionSeconds, ops[side]);
            runs[side].push(res);
            ctx.log(
              `  floor ${r.query} c=${c} ${side}: ${res.rate.toFixed(0)}/s p50 ${res.p50.toFixed(2)} p99 ${res.p99.toFixed(2)} ms; server CPU ${res.cpu!.api.toFixed(3)} ms/req`,
            );
          }
        }
        const row: Row = {
          section: 'floor',
          name: `\`${r.query}\` (${r.what}), ${c} client${c > 1 ? 's' : ''}`,
          baseline: 'a bare node:http server (bench/hosts/bare-http-host.ts) answering the same bytes: read and parse the JSON body, write the answer',
          unit: 'ops/s',
          system: median(runs.system.map((x) => x.rate)),
          base: median(runs.base.map((x) => x.rate)),
          ratio: NaN,
          p50: median(runs.system.map((x) => x.p50)),
          p99: median(runs.system.map((x) => x.p99)),
          baseP50: median(runs.base.map((x) => x.p50)),
          baseP99: median(runs.base.map((x) => x.p99)),
          rounds: { system: runs.system.map((x) => x.rate), base: runs.base.map((x) => x.rate) },
          errors: [...runs.system, ...runs.base].reduce((n, x) => n + x.errors, 0),
          cpu: medianCpu(runs.system),
          baseCpu: medianCpu(runs.base),
        };
        row.ratio = row.system / row.base;
        if (c === 16) row.target = { text: `≥ ${r.target.toFixed(2)} of the bare server`, met: row.ratio >= r.target };
        ctx.rows.push(row);
      }
    }
  } finally {
    bareGql.close();
    await bare.stop();
  }
}
