import { OPEN_STAGES_SQL, subtreeLike } from '@app/core';
import { OPEN_STAGES, vnDateOf, vnStartOfDay } from '@app/domain';
import { Ctx, Row } from '../lib/context';
import { CpuMeter } from '../lib/cpu';
import { LoadResult, closedLoop, measuredLoop, medianCpu } from '../lib/load';
import { median } from '../lib/stats';
import { PASSWORD } from '../seed';

const CASES_QUERY = `query($first: Int) {
  foundingCases(first: $first) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      id version stage stageDueOn openedAt overdue
      enterprise { id name taxCode workerCount hasUnion }
      assignee { id fullName email }
      applications { id fullName status submittedOn }
      history { version action from to at by { id fullName } }
    }
  }
}`;

const PIPELINE_QUERY = `query($u: ID!, $y: Int!) {
  pipeline(orgUnitId: $u, year: $y) {
    year
    orgUnit { id name }
    stages { stage count overdue }
    newMembers { target actual }
    newGrassrootsUnions { target actual }
    coverage { enterprises25Plus withUnion percent targetPercent }
  }
}`;

/**
 * foundingCases(first: 50) with nested fields and pipeline(orgUnitId, year), as the federation's
 * supervisor (whose subtree holds every case), against the same data fetched by hand-written SQL
 * through pg (the same round trips a careful hand-written service would make, results assembled
 * into the same JSON).
 */
export async function readsSuite(ctx: Ctx): Promise<void> {
  const { pg, gql, world, scale } = ctx;
  const token = (
    await gql.request(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: world.federationSupervisor.email,
      p: PASSWORD,
    })
  ).login.accessToken;
  const path = world.federation.path;
  const like = subtreeLike(path);
  const today = vnDateOf(new Date());
  const meter = new CpuMeter(pg, ctx.api.pid);
  const year = Number(today.slice(0, 4));

  const rawCases = async () => {
    const scope = `c.org_unit_id IN (SELECT id FROM org_unit WHERE path = $1 OR path LIKE $2)`;
    const [page, count] = await Promise.all([
      pg.query(
        `SELECT c.id, c.version, c.stage, c.stage_due_on, c.opened_at, c.enterprise_id, c.assignee_id FROM founding_case c
          WHERE ${scope} ORDER BY c.opened_at DESC, c.id DESC LIMIT 51`,
        [path, like],
      ),
      pg.query(`SELECT count(*)::int AS n FROM founding_case c WHERE ${scope}`, [path, like]),
    ]);
    const rows = page.rows.slice(0, 50);
    const ids = rows.map((r) => r.id);
    const [ents, users, apps, hist] = await Promise.all([
      pg.query(`SELECT id, name, tax_code, worker_count, has_union FROM enterprise WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.enterprise_id)]),
      pg.query(`SELECT id, full_name, email FROM app_user WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.assignee_id).filter(Boolean)]),
      pg.query(`SELECT id, case_id, full_name, status, submitted_on FROM membership_application WHERE case_id = ANY($1::uuid[]) ORDER BY created_at, id`, [
        ids,
      ]),
      pg.query(
        `SELECT t.case_id, t.version, t.action, t.from_stage, t.to_stage, t.at, u.id AS user_id, u.full_name
           FROM case_transition t JOIN app_user u ON u.id = t.by_user_id WHERE t.case_id = ANY($1::uuid[]) ORDER BY t.case_id, t.version`,
        [ids],
      ),
    ]);
    const ent = new Map(ents.rows.map((e) => [e.id, e]));
    const usr = new Map(users.rows.map((u) => [u.id, u]));
    const group = <T extends { case_id: string }>(xs: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of xs) (m.get(x.case_id) ?? m.set(x.case_id, []).get(x.case_id)!).push(x);
      return m;
    };
    const appsOf = group(apps.rows);
    const histOf = group(hist.rows);
    const out = {
      totalCount: count.rows[0].n,
      pageInfo: {
        endCursor: rows.length ? `${rows[rows.length - 1].opened_at.toISOString()}|${rows[rows.length - 1].id}` : null,
        hasNextPage: page.rows.length > 50,
      },
      nodes: rows.map((r) => {
        const e = ent.get(r.enterprise_id);
        const u = r.assignee_id ? usr.get(r.assignee_id) : null;
        return {
          id: r.id,
          version: r.version,
          stage: r.stage,
          stageDueOn: r.stage_due_on,
          openedAt: r.opened_at.toISOString(),
          overdue: (OPEN_STAGES as readonly string[]).includes(r.stage) && r.stage_due_on !== null && r.stage_due_on < today,
          enterprise: { id: e.id, name: e.name, taxCode: e.tax_code, workerCount: e.worker_count, hasUnion: e.has_union },
          assignee: u ? { id: u.id, fullName: u.full_name, email: u.email } : null,
          applications: (appsOf.get(r.id) ?? []).map((a) => ({ id: a.id, fullName: a.full_name, status: a.status, submittedOn: a.submitted_on })),
          history: (histOf.get(r.id) ?? []).map((t) => ({
            version: t.version,
            action: t.action,
            from: t.from_stage,
            to: t.to_stage,
            at: t.at.toISOString(),
            by: { id: t.user_id, fullName: t.full_name },
          })),
        };
      }),
    };
    return JSON.stringify(out).length;
  };

  const rawPipeline = async () => {
    const unit = (await pg.query(`SELECT id, name, path FROM org_unit WHERE id = $1`, [world.federation.id])).rows[0];
    const p = [unit.path, subtreeLike(unit.path)];
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const scope = `(o.path = $1 OR o.path LIKE $2)`;
    const [target, members, unions, cov, stages] = await Promise.all([
      pg.query(`SELECT new_members, new_grassroots_unions, coverage_percent FROM target WHERE year = $1 AND org_unit_id = $2 AND officer_id IS NULL`, [
        year,
        unit.id,
      ]),
      pg.query(`SELECT count(*)::int AS n FROM member m JOIN org_unit o ON o.id = m.grassroots_union_id WHERE ${scope} AND m.admitted_on BETWEEN $3 AND $4`, [
        ...p,
        start,
        end,
      ]),
      pg.query(`SELECT count(*)::int AS n FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id WHERE ${scope} AND c.recognized_on BETWEEN $3 AND $4`, [
        ...p,
        start,
        end,
      ]),
      pg.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE coalesce(r.first_recognized <= $3, e.has_union))::int AS with_union
           FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id
           LEFT JOIN (SELECT enterprise_id, min(recognized_on) AS first_recognized FROM founding_case WHERE recognized_on IS NOT NULL GROUP BY enterprise_id) r
             ON r.enterprise_id = e.id
          WHERE ${scope} AND e.worker_count >= 25`,
        [...p, end],
      ),
      pg.query(
        `SELECT c.stage, count(*)::int AS count, count(*) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.stage_due_on < $4)::int AS overdue
           FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id
          WHERE ${scope} AND (c.stage IN ${OPEN_STAGES_SQL} OR c.stage_entered_at >= $3) GROUP BY c.stage`,
        [...p, vnStartOfDay(start), today],
      ),
    ]);
    const t = target.rows[0];
    const out = {
      year,
      orgUnit: { id: unit.id, name: unit.name },
      stages: stages.rows,
      newMembers: { target: t?.new_members ?? null, actual: members.rows[0].n },
      newGrassrootsUnions: { target: t?.new_grassroots_unions ?? null, actual: unions.rows[0].n },
      coverage: {
        enterprises25Plus: cov.rows[0].total,
        withUnion: cov.rows[0].with_union,
        percent: cov.rows[0].total ? (cov.rows[0].with_union / cov.rows[0].total) * 100 : null,
        targetPercent: t?.coverage_percent ?? null,
      },
    };
    return JSON.stringify(out).length;
  };

  // Sanity: both sides see the same data.
  const g = await gql.request(CASES_QUERY, { first: 50 }, token);
  const gp = await gql.request(PIPELINE_QUERY, { u: world.federation.id, y: year }, token);
  const casesTotal = (await pg.query(`SELECT count(*)::int AS n FROM founding_case`)).rows[0].n;
  ctx.log(`  reads: foundingCases totalCount ${g.foundingCases.totalCount} of ${casesTotal}; pipeline newMembers ${gp.pipeline.newMembers.actual}`);

  const benches: { name: string; sys: () => Promise<unknown>; base: () => Promise<unknown>; baseline: string }[] = [
    {
      name: `foundingCases(first: 50) + enterprise, assignee, applications, history{by}; ${casesTotal.toLocaleString('en-US')} cases in scope`,
      sys: () => gql.request(CASES_QUERY, { first: 50 }, token),
      base: rawCases,
      baseline: 'hand-written SQL via pg: page + count, then enterprises, assignees, applications, history⋈users (batched by id)',
    },
    {
      name: `pipeline(orgUnitId: federation, year: ${year})`,
      sys: () => gql.request(PIPELINE_QUERY, { u: world.federation.id, y: year }, token),
      base: rawPipeline,
      baseline: 'hand-written SQL via pg: unit, then target, members, unions, coverage, stages in parallel',
    },
  ];
  const which = process.env.BENCH_READS?.split(',');
  for (const b of benches.filter((x) => !which || which.some((w) => x.name.startsWith(w)))) {
    for (const conc of scale.readConcurrencies) {
      await closedLoop(conc, scale.warmupSeconds, async () => void (await b.base()));
      await closedLoop(conc, scale.warmupSeconds, async () => void (await b.sys()));
      const sys: LoadResult[] = [];
      const base: LoadResult[] = [];
      for (let r = 0; r < scale.rounds; r++) {
        base.push(await measuredLoop(meter, conc, scale.readSeconds, async () => void (await b.base())));
        sys.push(await measuredLoop(meter, conc, scale.readSeconds, async () => void (await b.sys())));
        ctx.log(
          `  reads ${b.name.slice(0, 30)} c=${conc}: base ${base[r].rate.toFixed(1)}/s p50 ${base[r].p50.toFixed(1)} | sys ${sys[r].rate.toFixed(1)}/s p50 ${sys[r].p50.toFixed(1)} ms`,
        );
      }
      const row: Row = {
        section: 'reads',
        name: `${b.name}, ${conc} client${conc > 1 ? 's' : ''}`,
        baseline: b.baseline,
        unit: 'ops/s',
        system: median(sys.map((x) => x.rate)),
        base: median(base.map((x) => x.rate)),
        ratio: NaN,
        p50: median(sys.map((x) => x.p50)),
        p99: median(sys.map((x) => x.p99)),
        baseP50: median(base.map((x) => x.p50)),
        baseP99: median(base.map((x) => x.p99)),
        rounds: { system: sys.map((x) => x.rate), base: base.map((x) => x.rate) },
        errors: [...sys, ...base].reduce((n, x) => n + x.errors, 0),
        cpu: medianCpu(sys),
        baseCpu: medianCpu(base),
      };
      row.ratio = row.system / row.base;
      ctx.rows.push(row);
    }
  }
}
