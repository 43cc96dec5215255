import { FiguresService } from '@app/core';
import { ReadDb, ReadTarget } from '@app/persistence';
import { EnvOverrides } from '../support/env-overrides';
import { M, Q, openCase, vnToday } from '../support/case-fixtures';
import { OwnReplica } from '../support/own-replica';
import { stopAllOwnPostgres } from '../support/own-postgres';
import { Province, TestApi, TestUser } from '../support/test-api';

/**
 * DATABASE_READ_URL (docs/architecture.md#read-replica) against a real streaming replica of this file's own (a
 * primary and a hot standby from Debian's binaries, OwnReplica): the pipeline's figures and the board's list read on
 * the standby, a user's own write is visible on their next read (also through another API process), and without
 * DATABASE_READ_URL every read stays on the primary. Replay is paused on the standby to tell the two apart: what is
 * written then is on the primary only.
 */

jest.setTimeout(180_000);

const DB = 'cdcs_read_replica';
const year = Number(vnToday().slice(0, 4));
let pg: OwnReplica;
let api: TestApi;
let p: Province;
const env = new EnvOverrides();
process.once('exit', stopAllOwnPostgres);

async function pipelineTarget(a: TestApi, who: TestUser): Promise<number | null> {
  return (await a.ok(Q.pipeline, { u: p.unitId, y: year }, who.token)).pipeline.newMembers.target;
}

async function boardCount(a: TestApi, who: TestUser): Promise<number> {
  return (await a.ok(Q.foundingCases, { f: { orgUnitId: p.unitId }, first: 50 }, who.token)).foundingCases.totalCount;
}

beforeAll(async () => {
  pg = await OwnReplica.start(DB);
  env.set({
    DATABASE_URL: pg.primaryUrl,
    DATABASE_READ_URL: pg.replicaUrl,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'cdcs_test'}_read_replica`,
    READ_YOUR_WRITES_MS: '60000',
  });
  api = await TestApi.start();
  p = await api.newProvince(1);
  await pg.caughtUp();
});

afterAll(async () => {
  try {
    await api?.close();
  } finally {
    await pg?.resumeReplay().catch(() => undefined);
    await pg?.dispose();
    env.restore();
    process.removeListener('exit', stopAllOwnPostgres);
  }
});

describe('reads on a streaming replica (DATABASE_READ_URL)', () => {
  it("the pipeline's figures and the board's list read on the replica; the writer sees their own writes at once", async () => {
    const writer = p.supervisor;
    const reader = p.federationSupervisor;
    expect(await boardCount(api, reader)).toBe(0);
    await pg.pauseReplay();
    try {
      await openCase(api, p);
      await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, newMembers: 4321 } }, writer.token);
      // On the primary: the write is there.
      const [{ n }] = await pg.sql(false, `SELECT count(*)::int AS n FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.id = $1`, [p.unitId]);
      expect(n).toBe(1);

      // The writer's next reads see the write (read-your-writes: the primary for READ_YOUR_WRITES_MS)…
      expect(await boardCount(api, writer)).toBe(1);
      expect(await pipelineTarget(api, writer)).toBe(4321);
      // …another user's read the replica, whose replay is paused: not yet there.
      expect(await boardCount(api, reader)).toBe(0);
      expect(await pipelineTarget(api, reader)).toBeNull();
      // The app's read pool is connected to the standby, not to the primary.
      expect(await pg.readConnections(true)).toBeGreaterThan(0);
      expect(await pg.readConnections(false)).toBe(0);
    } finally {
      await pg.resumeReplay();
    }
    await pg.caughtUp();
    expect(await boardCount(api, reader)).toBe(1);
    expect(await pipelineTarget(api, reader)).toBe(4321);
  });

  it('a write through one API process is read back through another (the mark is in Redis, as for API_PROCESSES > 1)', async () => {
    const other = await TestApi.start();
    try {
      await pg.pauseReplay();
      try {
        await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, newMembers: 5555 } }, p.supervisor.token);
        expect(await pipelineTarget(other, p.supervisor)).toBe(5555);
        expect(await pipelineTarget(other, p.federationSupervisor)).toBe(4321);
      } finally {
        await pg.resumeReplay();
      }
      await pg.caughtUp();
      expect(await pipelineTarget(other, p.federationSupervisor)).toBe(5555);
    } finally {
      await other.close();
    }
  });

  it("a report's figures (one snapshot shared by three connections) are built on the replica and equal the primary's", async () => {
    const [unit] = await api.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [p.unitId]);
    const figures = api.app.get(FiguresService);
    const period = { start: `${year}-01-01`, end: `${year}-12-31` };
    await pg.caughtUp();
    let target: ReadTarget | null = null;
    // No user (a scheduled report): the replica.
    const onReplica = await api.app.get(ReadDb).read(null, (db, t) => {
      target = t;
      return figures.reportFigures(unit, period, vnToday(), undefined, 3, db);
    });
    expect(target).toBe('replica');
    expect(onReplica).toEqual(await figures.reportFigures(unit, period, vnToday()));
    expect(onReplica.summary.newMembers.target).toBe(5555);
  });

  it('without DATABASE_READ_URL every read is on the primary, as before', async () => {
    env.set({ DATABASE_READ_URL: undefined });
    const plain = await TestApi.start();
    try {
      expect(plain.app.get(ReadDb).enabled).toBe(false);
      await pg.pauseReplay();
      try {
        await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, newMembers: 6666 } }, p.supervisor.token);
        // Another user, no replica: the primary's value at once.
        expect(await pipelineTarget(plain, p.federationSupervisor)).toBe(6666);
        expect(await boardCount(plain, p.federationSupervisor)).toBe(1);
      } finally {
        await pg.resumeReplay();
      }
    } finally {
      await plain.close();
      env.set({ DATABASE_READ_URL: pg.replicaUrl });
    }
  });
});
