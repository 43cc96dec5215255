import { EnvOverrides } from '../support/env-overrides';
import { M, Q, openCase, vnToday } from '../support/case-fixtures';
import { ApiProcess } from '../support/api-process';
import { OwnReplica } from '../support/own-replica';
import { stopAllOwnPostgres } from '../support/own-postgres';
import { Province, TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

/**
 * A replica that goes away (docs/architecture.md#read-replica): the API (a real process, so its pino log can be read)
 * keeps answering the lag-tolerant reads from the primary with no error for the user, logs a warning in English, and
 * reads from the replica again once it is back. An API started while the replica is down boots and reads from the
 * primary.
 */

jest.setTimeout(240_000);

const DB = 'cdcs_replica_fallback';
const year = Number(vnToday().slice(0, 4));
const WARNING = /^Read replica unavailable \(.+\); reads go to the primary/;
let pg: OwnReplica;
let api: TestApi;
let child: ApiProcess;
let p: Province;
const env = new EnvOverrides();
process.once('exit', stopAllOwnPostgres);

/** The pipeline and the board as `token`'s user sees them through the child API. */
async function reads(token: string): Promise<{ status: number[]; errors: unknown[]; target: number | null; cases: number }> {
  const a = await child.gql(Q.pipeline, { u: p.unitId, y: year }, token);
  const b = await child.gql(Q.foundingCases, { f: { orgUnitId: p.unitId }, first: 50 }, token);
  return {
    status: [a.status, b.status],
    errors: [...(a.errors ?? []), ...(b.errors ?? [])],
    target: a.data?.pipeline.newMembers.target ?? null,
    cases: b.data?.foundingCases.totalCount ?? -1,
  };
}

function warnings(): string[] {
  return child
    .logLines()
    .filter((l) => l.level === 40 && l.context === 'ReadDb')
    .map((l) => l.msg ?? '');
}

beforeAll(async () => {
  pg = await OwnReplica.start(DB);
  env.set({ DATABASE_URL: pg.primaryUrl, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'cdcs_test'}_replica_fallback` });
  // The in-process API (no replica) makes the province and its tokens; the child API is the one under test.
  api = await TestApi.start();
  p = await api.newProvince(1);
  await openCase(api, p);
  await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, newMembers: 300 } }, p.supervisor.token);
  child = await ApiProcess.start({ DATABASE_READ_URL: pg.replicaUrl, LOG_LEVEL: 'info', READ_REPLICA_RETRY_MS: '500' });
  await pg.caughtUp();
});

afterAll(async () => {
  try {
    await child?.stop();
    await api?.close();
  } finally {
    await pg?.dispose();
    env.restore();
    process.removeListener('exit', stopAllOwnPostgres);
  }
});

describe('the replica stopped: reads fall back to the primary', () => {
  it('answers from the replica, then from the primary with a warning and no error once it stops, then from the replica again', async () => {
    const reader = p.federationSupervisor.token;
    expect(await reads(reader)).toEqual({ status: [200, 200], errors: [], target: 300, cases: 1 });
    expect(await pg.readConnections(true)).toBeGreaterThan(0);
    expect(warnings()).toEqual([]);

    await pg.standby.stop('fast');
    // A write made while the replica is away is read back at once, by its writer and by anyone (the primary answers).
    await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, newMembers: 301 } }, p.supervisor.token);
    for (let i = 0; i < 3; i++) expect(await reads(reader)).toEqual({ status: [200, 200], errors: [], target: 301, cases: 1 });
    expect(await reads(p.supervisor.token)).toEqual({ status: [200, 200], errors: [], target: 301, cases: 1 });
    expect(warnings().length).toBeGreaterThan(0);
    expect(warnings().every((w) => WARNING.test(w))).toBe(true);
    // Once per READ_REPLICA_RETRY_MS, not once per read.
    expect(warnings().length).toBeLessThan(8);

    await pg.standby.launch();
    await pg.caughtUp();
    await eventually(async () => (await reads(reader)).target === 301 && (await pg.readConnections(true)) > 0, 60_000, 250);
    expect(child.logLines().some((l) => l.context === 'ReadDb' && l.level === 30 && /^Read replica answers again/.test(l.msg ?? ''))).toBe(true);
  });

  it('an API started while the replica is down boots and reads from the primary', async () => {
    await pg.standby.stop('fast');
    try {
      const late = await ApiProcess.start({ DATABASE_READ_URL: pg.replicaUrl, LOG_LEVEL: 'warn' });
      try {
        const r = await late.gql(Q.pipeline, { u: p.unitId, y: year }, p.federationSupervisor.token);
        expect({ status: r.status, errors: r.errors, target: r.data?.pipeline.newMembers.target }).toEqual({ status: 200, errors: undefined, target: 301 });
        expect(late.logLines().some((l) => l.level === 40 && WARNING.test(l.msg ?? ''))).toBe(true);
      } finally {
        await late.stop();
      }
    } finally {
      await pg.standby.launch();
    }
  });
});
