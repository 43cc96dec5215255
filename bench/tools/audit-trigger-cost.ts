/**
 * What the audit log costs Postgres on one case write (docs/architecture.md#audit-log): the backend's CPU per
 * recordOutreach statement (the product's own `caseWriteSql`: the version-checked UPDATE with its evidence and
 * history rows) sent alone, and sent under an audit context as the API sends it (its `set_config` ahead of the
 * write, then the audit triggers' rows). Rounds alternate the two; medians printed. CPU is read from
 * /proc/<backend pid>/stat, so Postgres must run on this machine. In a database of its own, dropped at the end.
 *
 *   node -r @swc-node/register bench/tools/audit-trigger-cost.ts [writes per round, default 2000] [rounds, default 3]
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the database is
 * `cdcs_bench_audit_<time>`. Compare two commits by running it on each.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { CaseStage } from '@app/domain';
import { DataSource } from 'typeorm';
import { caseWriteSql } from '../../libs/core/src/cases/case-write';
import {
  AuditContext,
  ROOT_ORG_UNIT_ID as unit,
  auditContext,
  dataSourceOptions,
  dropDatabase,
  ensureDatabase,
  installAuditSessionTagging,
} from '@app/persistence';

const CASES = 100;
const officer = '00000000-0000-4000-8000-0000000000a1';
const enterpriseId = (i: number) => `00000000-0000-4000-8001-${String(i).padStart(12, '0')}`;
const caseId = (i: number) => `00000000-0000-4000-8002-${String(i).padStart(12, '0')}`;

/** utime + stime of a process, in clock ticks (1/100 s on Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const [writes = 2000, rounds = 3] = process.argv.slice(2).map(Number);
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/cdcs_bench_audit_${Date.now()}`;
  const url = server.toString();
  await ensureDatabase(url);
  const ds = await new DataSource({ ...dataSourceOptions(url, { extra: { max: 1 } }), logging: false }).initialize();
  installAuditSessionTagging();
  const db = new Client({ connectionString: url });
  try {
    await ds.runMigrations({ transaction: 'each' });
    // The migrations' root unit (the federation) holds them all.
    await ds.query(`INSERT INTO app_user (id, email, full_name, role, org_unit_id, password_hash) VALUES ($1, 'canbo@ldld.vn', 'Cán bộ', 'OFFICER', $2, '-')`, [
      officer,
      unit,
    ]);
    for (let i = 1; i <= CASES; i++) {
      await ds.query(`INSERT INTO enterprise (id, name, tax_code, worker_count, has_union, org_unit_id) VALUES ($1, $2, $3, 120, false, $4)`, [
        enterpriseId(i),
        `Công ty TNHH Số ${i}`,
        String(1000000000 + i),
        unit,
      ]);
      await ds.query(
        `INSERT INTO founding_case (id, enterprise_id, org_unit_id, stage, stage_entered_at, opened_by) VALUES ($1, $2, $3, 'OUTREACH', now(), $4)`,
        [caseId(i), enterpriseId(i), unit, officer],
      );
    }
    await db.connect();
    const pid: number = (await db.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const versions = new Map<string, number>();
    const write = async (n: number) => {
      const id = caseId((n % CASES) + 1);
      const { stmt, values } = caseWriteSql({
        caseId: id,
        expectedVersion: versions.get(id) ?? 1,
        fromStage: CaseStage.OUTREACH,
        byUserId: officer,
        action: 'RECORD_OUTREACH',
        comment: 'Tuyên truyền tại ca sáng',
        set: { stage: 'OUTREACH' },
        evidence: { kind: 'OUTREACH', occurredOn: '2026-12-07', details: { workersReached: 120, workersInterested: 45 } },
      });
      const { rows } = await db.query({ name: stmt.name, text: stmt.text, values });
      if (rows.length !== 1) throw new Error(`version conflict on ${id}`);
      versions.set(id, rows[0].version);
    };
    const context = (): AuditContext => ({
      key: randomUUID(),
      operation: 'recordOutreach',
      actorId: officer,
      actorEmail: 'canbo@ldld.vn',
      actorRole: 'OFFICER',
      actorUnitId: unit,
      ip: '127.0.0.1',
      requestId: randomUUID(),
    });
    const arms = {
      'the write alone': (n: number) => write(n),
      'under an audit context': (n: number) => auditContext.run(context(), () => write(n)),
    };
    const perWrite: Record<string, number[]> = { 'the write alone': [], 'under an audit context': [] };
    let n = 0;
    for (const run of Object.values(arms)) for (let i = 0; i < 50; i++) await run(n++); // plans cached, pages warm
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? (['under an audit context', 'the write alone'] as const) : (['the write alone', 'under an audit context'] as const);
      for (const arm of order) {
        const before = cpuTicks(pid);
        for (let i = 0; i < writes; i++) await arms[arm](n++);
        perWrite[arm].push(((cpuTicks(pid) - before) * 10) / writes);
      }
    }
    const alone = median(perWrite['the write alone']);
    const audited = median(perWrite['under an audit context']);
    for (const [arm, xs] of Object.entries(perWrite))
      console.log(`${arm}: ${median(xs).toFixed(3)} ms backend CPU per write (rounds: ${xs.map((x) => x.toFixed(3)).join(', ')})`);
    console.log(
      `the audit log adds ${(audited - alone).toFixed(3)} ms per write (${(audited / alone).toFixed(2)}× the write alone); ${writes} writes per round, ${rounds} rounds`,
    );
  } finally {
    await db.end().catch(() => undefined);
    await ds.destroy();
    await dropDatabase(url);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
