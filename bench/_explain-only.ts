process.env.BENCH_STAMP = process.argv[2];
require('./lib/env');
const { createApi } = require('../apps/api/src/main');
const { explainAll } = require('./explain');
const { pool } = require('./lib/db');
async function main() {
  const app = await createApi(); await app.init();
  const pg = pool(process.env.DATABASE_URL!, 2);
  const fed = (await pg.query(`SELECT id, path FROM org_unit WHERE kind = 'FEDERATION' AND name LIKE '%Bench%'`)).rows[0];
  const plans = await explainAll({ app, pg, world: { federation: fed } } as any);
  for (const p of plans) console.log(`### ${p.title}\n${p.plan}\n`);
  await app.close(); await pg.end();
}
main();
