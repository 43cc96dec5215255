import { addRefLabels } from '@app/core';
import { createEnterprise } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

/**
 * The audit log's names of referenced rows (`beforeLabel` / `afterLabel`, docs/architecture.md#audit-log): a unit,
 * an enterprise or an account named only where the reader may see it, else left as its id.
 */
describe('audit log: names of referenced rows', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it("names a referenced unit, enterprise or account only where the reader may see it (a supervisor: its subtree's)", async () => {
    const other = await api.newProvince(1);
    const mine = await createEnterprise(api, p);
    const theirs = await createEnterprise(api, other);
    const [{ path }] = await api.db.query(`SELECT path FROM org_unit WHERE id = $1`, [p.unitId]);
    const changes = () => [
      {
        fields: [
          { field: 'org_unit_id', before: other.unitId, after: p.unitId },
          { field: 'enterprise_id', before: theirs, after: mine },
          { field: 'assignee_id', before: other.officers[0].id, after: p.officers[0].id },
        ],
      },
    ];
    const labels = (c: ReturnType<typeof changes>) => c[0].fields.map((f: any) => [f.beforeLabel, f.afterLabel]);
    const bySupervisor = changes();
    await addRefLabels(api.db, bySupervisor, path);
    const [names] = await api.db.query(`SELECT (SELECT name FROM org_unit WHERE id = $1) AS unit, (SELECT name FROM enterprise WHERE id = $2) AS enterprise`, [
      p.unitId,
      mine,
    ]);
    expect(labels(bySupervisor)).toEqual([
      [null, names.unit],
      [null, names.enterprise],
      [null, expect.stringContaining(p.officers[0].email)],
    ]);
    const byAdmin = changes();
    await addRefLabels(api.db, byAdmin, null);
    expect(
      labels(byAdmin)
        .flat()
        .every((l) => typeof l === 'string' && l.length > 0),
    ).toBe(true);
  });
});
