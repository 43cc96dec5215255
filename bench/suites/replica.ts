import { addDays, vnDateOf } from '@app/domain';
import { OwnPostgres } from '../../test/support/own-postgres';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { pool } from '../lib/db';
import { GqlClient } from '../lib/http';
import { LoadResult, closedLoop } from '../lib/load';
import { median } from '../lib/stats';
import { PASSWORD, World, bulk, seedFinishedCases, seedMembers, seedOpenCases, seedStructure, seedTargets, seedTxCases } from '../seed';

const WRITERS = 16;
const READERS = 32;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const OUTREACH = `mutation($i: OutreachInput!) { recordOutreach(input: $i) { id version stage } }`;
/** The mix the readers cycle through: a board column (the overdue cases), the pipeline, the case list with its nested fields. */
const READS: [string, string][] = [
  [
    'board',
    `query { foundingCases(filter: { overdue: true }, first: 20) { totalCount nodes { id stage stageDueOn enterprise { name } assignee { fullName } } } }`,
  ],
  [
    'pipeline',
    `query($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) { year stages { stage count overdue } newMembers { target actual }
      newGrassrootsUnions { target actual } coverage { enterprises25Plus withUnion percent targetPercent } } }`,
  ],
  [
    'foundingCases',
    `query { foundingCases(first: 50) { totalCount nodes { id version stage stageDueOn openedAt overdue enterprise { id name taxCode }
      assignee { id fullName } applications { id status } history { version action by { id fullName } } } } }`,
  ],
];

type Arm = 'primary only' | 'DATABASE_READ_URL';

/**
 * The read-heavy mix with and without a streaming replica (docs/architecture.md#read-replica), in the same run on the
 * same data: a primary and a hot standby of the bench's own (Debian's binaries, as the tests start them), a world
 * seeded on the primary before the base backup, and two API processes on that primary, one of them with
 * DATABASE_READ_URL set to the standby. Per round, each arm: 16 clients write recordOutreach while 32 read
 * board + pipeline + foundingCases as the federation's supervisor; the rounds alternate the arms.
 */
export async function replicaSuite(ctx: Ctx): Promise<void> {
  const { scale, log } = ctx;
  const primary = await OwnPostgres.start({ replication: true });
  let standby: OwnPostgres | null = null;
  const hosts: Host[] = [];
  const clients: GqlClient[] = [];
  const db = pool(primary.url('cdcs_bench_replica'), 4, 'cdcs-bench-replica');
  try {
    const url = await primary.createDatabase('cdcs_bench_replica');
    const members = Math.round(scale.members / 10);
    const t0 = Date.now();
    const seedClient = await db.connect();
    let world: World;
    try {
      world = await seedStructure(seedClient, scale.officersPerUnit, WRITERS);
      await seedTargets(seedClient, world, world.federationSupervisor.id);
      await seedTxCases(seedClient, world, scale.casesPerClient);
      await bulk(seedClient, ['enterprise', 'founding_case', 'case_transition', 'membership_application', 'org_unit'], async () => {
        await seedFinishedCases(seedClient, world, scale.recognized, scale.closed, scale.preexistingUnions);
        await seedOpenCases(seedClient, world, scale.openCases, true);
      });
      await bulk(seedClient, ['member'], () => seedMembers(seedClient, world, members));
    } finally {
      seedClient.release();
    }
    const what = `replica world: ${scale.openCases.toLocaleString('en-US')} open cases, ${members.toLocaleString('en-US')} members, on a primary of its own`;
    ctx.seeding.push({ what, ms: Date.now() - t0 });
    log(`seeded: ${what} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    standby = await OwnPostgres.standbyOf(primary);
    log(`  replica: primary on ${primary.port}, hot standby on ${standby.port} (pg_basebackup -R)`);

    const env = { ...ctx.hostEnv, DATABASE_URL: url };
    const arms: Record<Arm, GqlClient> = {} as Record<Arm, GqlClient>;
    for (const [arm, extra] of [
      ['primary only', {}],
      ['DATABASE_READ_URL', { DATABASE_READ_URL: standby.url('cdcs_bench_replica') }],
    ] as [Arm, Record<string, string>][]) {
      const host = await Host.start(`api-${arm === 'primary only' ? 'primary' : 'replica'}`, 'api-host.ts', { ...env, ...extra });
      hosts.push(host);
      arms[arm] = new GqlClient(`http://127.0.0.1:${host.info.port}`);
      clients.push(arms[arm]);
    }
    await mixedRuns(ctx, world, arms, db);
  } finally {
    for (const c of clients) c.close();
    for (const h of hosts) await h.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
    await standby?.dispose();
    await primary.dispose();
  }
}

async function mixedRuns(ctx: Ctx, world: World, arms: Record<Arm, GqlClient>, db: ReturnType<typeof pool>): Promise<void> {
  const { scale, log } = ctx;
  const any = arms['primary only'];
  const writerTokens: string[] = [];
  for (const o of world.txOfficers) writerTokens.push((await any.request(LOGIN, { e: o.email, p: PASSWORD })).login.accessToken);
  const readerToken = (await any.request(LOGIN, { e: world.federationSupervisor.email, p: PASSWORD })).login.accessToken;
  const year = Number(vnDateOf(new Date()).slice(0, 4));
  const heldOn = addDays(vnDateOf(new Date()), -1);

  const write = (gql: GqlClient) => async (k: number, i: number) => {
    const mine = world.txCases[k];
    const c = mine[i % mine.length];
    const input = { caseId: c.id, expectedVersion: c.version, heldOn, workersReached: 120, workersInterested: 45, note: 'Tuyên truyền tại ca sáng' };
    try {
      c.version = (await gql.request(OUTREACH, { i: input }, writerTokens[k])).recordOutreach.version;
    } catch (e) {
      c.version = (await db.query(`SELECT version FROM founding_case WHERE id = $1`, [c.id])).rows[0].version;
      throw e;
    }
  };
  const read = (gql: GqlClient) => async (k: number, i: number) => {
    const [, query] = READS[(k + i) % READS.length];
    await gql.request(query, { u: world.federation.id, y: year }, readerToken);
  };
  const mixed = (gql: GqlClient, seconds: number) =>
    Promise.all([closedLoop(WRITERS, seconds, write(gql)), closedLoop(READERS, seconds, read(gql))]).then(([w, r]) => ({ w, r }));

  // BENCH_REPLICA_SECONDS: longer runs on a busy machine (each round of each arm), for steadier medians.
  const seconds = Number(process.env.BENCH_REPLICA_SECONDS ?? Math.max(3, scale.transitionSeconds * 2));
  const runs: Record<Arm, { w: LoadResult; r: LoadResult }[]> = { 'primary only': [], DATABASE_READ_URL: [] };
  for (const arm of Object.keys(arms) as Arm[]) await mixed(arms[arm], scale.warmupSeconds * 2);
  for (let round = 0; round < scale.rounds; round++) {
    // Alternate which arm goes first, so that a drift of the machine's load does not favour one.
    const order = (Object.keys(arms) as Arm[])[round % 2 ? 'reverse' : 'slice']();
    for (const arm of order) {
      const res = await mixed(arms[arm], seconds);
      runs[arm].push(res);
      log(
        `  replica ${arm}: writes ${res.w.rate.toFixed(1)}/s p99 ${res.w.p99.toFixed(0)} ms | reads ${res.r.rate.toFixed(1)}/s p50 ${res.r.p50.toFixed(0)} p99 ${res.r.p99.toFixed(0)} ms${res.w.errors + res.r.errors ? ` errors ${res.w.errors + res.r.errors} (${res.w.firstError ?? res.r.firstError})` : ''}`,
      );
    }
  }
  const sys = runs.DATABASE_READ_URL;
  const base = runs['primary only'];
  const row = (side: 'w' | 'r', name: string, what: string): Row => {
    const s = sys.map((x) => x[side]);
    const b = base.map((x) => x[side]);
    return {
      section: 'replica',
      name,
      baseline: `the same API and mix without DATABASE_READ_URL (${what} on the primary)`,
      unit: 'ops/s',
      system: median(s.map((x) => x.rate)),
      base: median(b.map((x) => x.rate)),
      ratio: median(s.map((x) => x.rate)) / median(b.map((x) => x.rate)),
      p50: median(s.map((x) => x.p50)),
      p99: median(s.map((x) => x.p99)),
      baseP50: median(b.map((x) => x.p50)),
      baseP99: median(b.map((x) => x.p99)),
      rounds: { system: s.map((x) => x.rate), base: b.map((x) => x.rate) },
      errors: [...s, ...b].reduce((n, x) => n + x.errors, 0),
    };
  };
  const writes = row('w', `recordOutreach at ${WRITERS} clients beside ${READERS} readers`, 'every read');
  const reads = row('r', `board + pipeline + foundingCases at ${READERS} clients beside ${WRITERS} writers`, 'every read');
  writes.target = { text: 'write throughput higher with the replica (ratio > 1)', met: writes.ratio > 1 };
  reads.target = { text: `read p99 lower with the replica than the ${reads.baseP99!.toFixed(0)} ms without`, met: reads.p99! < reads.baseP99! };
  ctx.rows.push(writes, reads);
}
