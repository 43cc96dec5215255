/**
 * `npm run bench` (scripts/bench.sh): every benchmark against a baseline measured in the same run,
 * on a database and a BullMQ prefix of its own (dropped / deleted at the end), and docs/benchmarks.md.
 * BENCH_SCALE=small gives a quick run for iterating; the default is the full run.
 */
import { BENCH_DB_NAME, BENCH_DB_URL, HOST_ENV, QUEUE_PREFIX, REDIS_URL } from './lib/env';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { createApi } from '../apps/api/src/main';
import { Host } from './lib/children';
import { Ctx, SCALES } from './lib/context';
import { createMigratedDatabase, dropDatabase, pool } from './lib/db';
import { GqlClient } from './lib/http';
import { timed } from './lib/load';
import { Meta, machineInfo, writeMarkdown } from './report';
import { PASSWORD, World, bulk, seedFinishedCases, seedMembers, seedOpenCases, seedStructure, seedTargets, seedTxCases } from './seed';
import { figuresSuite } from './suites/figures';
import { floorSuite } from './suites/floor';
import { importsSuite } from './suites/imports';
import { readsSuite } from './suites/reads';
import { replicaSuite } from './suites/replica';
import { returnsSuite } from './suites/returns';
import { sweepSuite } from './suites/sweep';
import { transitionsSuite } from './suites/transitions';
import { workerSuite } from './suites/worker';
import { soakSuite } from './suites/soak';
import { documentsSuite } from './suites/documents';
import { explainFigures } from './explain';

const RAW_QUEUE = 'bench-raw-noop';

async function main(): Promise<void> {
  const scale = SCALES[process.env.BENCH_SCALE === 'small' ? 'small' : 'full'];
  // BENCH_ONLY=floor,transitions,reads,replica,soak,imports,returns,sweep,worker,figures,documents runs a subset (for iterating); the default runs all.
  const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
  const want = (suite: string) => !only.size || only.has(suite);
  const startedAt = new Date();
  const loadAverage = os.loadavg();
  const t0 = Date.now();
  const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);
  log(`scale ${scale.name}; database ${BENCH_DB_NAME}; queue prefix ${QUEUE_PREFIX}`);

  const pg = pool(BENCH_DB_URL, 10, 'cdcs-bench-baseline');
  const seedPool = pool(BENCH_DB_URL, 1, 'cdcs-bench-seed');
  const hosts: Host[] = [];
  let app: Awaited<ReturnType<typeof createApi>> | null = null;
  const ctx = {
    scale,
    url: BENCH_DB_URL,
    redisUrl: REDIS_URL,
    queuePrefix: QUEUE_PREFIX,
    hostEnv: HOST_ENV,
    pg,
    rows: [],
    notes: [],
    seeding: [],
    memory: [],
    diagnostics: [],
    plans: [],
    log,
  } as unknown as Ctx;
  const seeding = ctx.seeding;
  const seedStep = async (what: string, fn: () => Promise<void>) => {
    const t = await timed(fn);
    seeding.push({ what, ms: t.ms });
    log(`seeded: ${what} in ${(t.ms / 1000).toFixed(1)} s`);
    return t.ms;
  };
  const pgMeta = { pgVersion: '?', redisVersion: '?' };
  try {
    await seedStep('create the database and run the migrations', () => createMigratedDatabase(BENCH_DB_URL));
    pgMeta.pgVersion = (await pg.query(`SHOW server_version`)).rows[0].server_version;
    const seedClient = await seedPool.connect();
    let world!: World;
    let membersMs = 0;
    const tables = ['enterprise', 'founding_case', 'case_transition', 'membership_application', 'org_unit'];
    try {
      await seedStep(
        `structure: federation, 10 unions, ${10 * scale.officersPerUnit} officers, supervisors, ${Math.max(...scale.concurrencies)} load officers`,
        async () => {
          world = await seedStructure(seedClient, scale.officersPerUnit, Math.max(...scale.concurrencies));
          await seedTargets(seedClient, world, world.federationSupervisor.id);
          await seedTxCases(seedClient, world, scale.casesPerClient);
        },
      );
      await seedStep(
        `${scale.openCases.toLocaleString('en-US')} open cases (+ enterprises, history, applications), ${scale.recognized.toLocaleString('en-US')} recognized, ${scale.closed.toLocaleString('en-US')} closed, ${scale.preexistingUnions.toLocaleString('en-US')} older grassroots unions`,
        () =>
          bulk(seedClient, tables, async () => {
            await seedFinishedCases(seedClient, world, scale.recognized, scale.closed, scale.preexistingUnions);
            await seedOpenCases(seedClient, world, scale.openCases, true);
          }),
      );
      membersMs = await seedStep(`${scale.members.toLocaleString('en-US')} members`, () =>
        bulk(seedClient, ['member'], () => seedMembers(seedClient, world, scale.members)),
      );
    } finally {
      seedClient.release();
    }
    ctx.world = world;
    app = await createApi();
    await app.init();
    ctx.app = app;

    if (want('floor') || want('transitions') || want('reads')) {
      // The API in its own process; the app context in this one for the in-process service calls.
      const api = await Host.start('api', 'api-host.ts', HOST_ENV);
      hosts.push(api);
      log(`API host up in ${api.bootMs} ms on port ${api.info.port} (pid ${api.pid})`);
      ctx.api = api;
      ctx.gql = new GqlClient(`http://127.0.0.1:${api.info.port}`);
      if (want('floor')) {
        log('floor');
        await floorSuite(ctx, PASSWORD);
      }
      if (want('transitions')) {
        log('transitions');
        api.resetPeak();
        const m0 = api.memory();
        await transitionsSuite(ctx, PASSWORD);
        ctx.memory.push({
          process: 'API',
          phase: `transitions (recordOutreach at ${scale.concurrencies.join('/')} clients)`,
          rss: m0.rss,
          hwm: api.memory().hwm,
        });
      }
      if (want('reads')) {
        log('reads');
        api.resetPeak();
        const m0 = api.memory();
        await readsSuite(ctx);
        ctx.memory.push({ process: 'API', phase: 'reads (foundingCases, pipeline)', rss: m0.rss, hwm: api.memory().hwm });
      }
      ctx.gql.close();
      await api.stop();
    }

    // Suites that start what they need and stop it at their end: replica (a primary and a hot standby of its own, two
    // API processes, with and without DATABASE_READ_URL), soak (its API and worker, 32 clients for up to 10 minutes, then
    // the invariants), imports (its API and worker: upload, dry run, outbox relay, apply job), returns.
    const selfContained: [string, () => Promise<unknown>][] = [
      ['replica', () => replicaSuite(ctx)],
      ['soak', () => soakSuite(ctx)],
      ['imports', () => importsSuite(ctx, PASSWORD)],
      ['returns', () => returnsSuite(ctx)],
    ];
    for (const [name, run] of selfContained) {
      if (!want(name)) continue;
      log(name);
      await run();
    }

    if (want('sweep')) {
      log(`sweep at ${world.openCases}`);
      await sweepSuite(ctx, 'first world', { explainBacklog: process.env.BENCH_EXPLAIN !== '0' });
    }

    let worker: Host | undefined;
    if (want('worker') || want('figures') || want('documents')) {
      worker = await Host.start('worker', 'worker-host.ts', HOST_ENV);
      hosts.push(worker);
      log(`worker host up in ${worker.bootMs} ms (pid ${worker.pid})`);
    }
    if (want('documents')) {
      log('documents');
      await documentsSuite(ctx, worker!);
    }
    if (want('worker')) {
      log('worker');
      const raw = await Host.start('raw-worker', 'raw-worker-host.ts', { ...HOST_ENV, BENCH_RAW_QUEUE: RAW_QUEUE, BENCH_RAW_CONCURRENCY: '8' });
      hosts.push(raw);
      await workerSuite(ctx, worker!, raw, RAW_QUEUE);
      await raw.stop();
    }

    if (want('sweep') || want('figures')) {
      const client = await seedPool.connect();
      try {
        const more = scale.bigOpenCases - world.openCases;
        await seedStep(`${more.toLocaleString('en-US')} more open cases (+ enterprises, history) → ${scale.bigOpenCases.toLocaleString('en-US')} open`, () =>
          bulk(client, ['enterprise', 'founding_case', 'case_transition'], () => seedOpenCases(client, world, more, false)),
        );
        if (want('sweep')) {
          log(`sweep at ${scale.bigOpenCases}`);
          await sweepSuite(ctx, 'grown', { explainRepeat: process.env.BENCH_EXPLAIN !== '0' });
        }
        if (want('figures')) {
          const big = scale.bigMembers > scale.members;
          const extra = scale.bigMembers - scale.members;
          // Index builds grow a little faster than linearly: 20 % margin on the linear estimate.
          const estimate = big ? (membersMs * extra * 1.2) / scale.members : 0;
          const fits = big && estimate <= scale.maxSeedMinutes * 60_000;
          log(`figures at ${scale.members}`);
          // The worker-built report (for the worker's peak RSS) at this scale: the same 20k-union workbook as at 10M, a fifth of the time.
          await figuresSuite(ctx, `${scale.members.toLocaleString('en-US')} members`, worker);
          if (big && fits) {
            ctx.notes.push(
              `Seeding ${extra.toLocaleString('en-US')} more members was estimated at ${(estimate / 60000).toFixed(1)} min from the first ${scale.members.toLocaleString('en-US')} (limit ${scale.maxSeedMinutes} min), so the ${scale.bigMembers.toLocaleString('en-US')}-member run was done.`,
            );
            await seedStep(
              `${extra.toLocaleString('en-US')} more members → ${scale.bigMembers.toLocaleString('en-US')} (estimated ${(estimate / 60000).toFixed(1)} min)`,
              () => bulk(client, ['member'], () => seedMembers(client, world, extra)),
            );
            log(`figures at ${scale.bigMembers}`);
            await figuresSuite(ctx, `${scale.bigMembers.toLocaleString('en-US')} members`);
            if (process.env.BENCH_EXPLAIN !== '0') await explainFigures(ctx, `${scale.bigMembers.toLocaleString('en-US')} members`);
          } else if (big) {
            if (process.env.BENCH_EXPLAIN !== '0') await explainFigures(ctx, `${scale.members.toLocaleString('en-US')} members`);
            ctx.notes.push(
              `The ${scale.bigMembers.toLocaleString('en-US')}-member run was skipped: seeding ${extra.toLocaleString('en-US')} more members was estimated at ${(estimate / 60000).toFixed(1)} min (> ${scale.maxSeedMinutes} min) from the ${(membersMs / 1000).toFixed(0)} s the first ${scale.members.toLocaleString('en-US')} took.`,
            );
          }
        }
      } finally {
        client.release();
      }
    }
    await worker?.stop();
    pgMeta.redisVersion = await redisVersion();
  } finally {
    for (const h of hosts) await h.stop().catch(() => undefined);
    if (app) await app.close().catch(() => undefined);
    await pg.end().catch(() => undefined);
    await seedPool.end().catch(() => undefined);
    if (process.env.BENCH_KEEP_DB !== '1') {
      await dropDatabase(BENCH_DB_URL).then(
        () => log(`dropped ${BENCH_DB_NAME}`),
        (e) => log(`could not drop ${BENCH_DB_NAME}: ${e.message}`),
      );
    }
    await deleteQueueKeys().catch((e) => log(`could not delete ${QUEUE_PREFIX}* keys: ${e.message}`));
  }

  const out = process.env.BENCH_OUT ?? path.join(__dirname, '..', 'docs', 'benchmarks.md');
  const meta: Meta = {
    startedAt,
    finishedAt: new Date(),
    scale,
    pgVersion: pgMeta.pgVersion,
    redisVersion: pgMeta.redisVersion,
    database: BENCH_DB_NAME,
    queuePrefix: QUEUE_PREFIX,
    loadAverage,
    loadAverageEnd: os.loadavg(),
    machine: machineInfo(),
    notes: ctx.notes,
    diagnostics: ctx.diagnostics,
    seeding,
    memory: ctx.memory,
    benchPeakRss: process.resourceUsage().maxRSS * 1024,
    explains: ctx.plans,
    soak: ctx.soak,
  };
  // The raw results, so that the markdown can be rendered again (bench/render.ts) after bench/NOTES.md changes.
  const json = process.env.BENCH_JSON ?? path.join(__dirname, 'results', `${scale.name}-latest.json`);
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, JSON.stringify({ rows: ctx.rows, meta }, null, 1));
  writeMarkdown(out, ctx.rows, meta);
  log(`wrote ${out}`);
}

async function redisVersion(): Promise<string> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    return /redis_version:(\S+)/.exec(await r.info('server'))?.[1] ?? '?';
  } finally {
    r.disconnect();
  }
}

async function deleteQueueKeys(): Promise<void> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
