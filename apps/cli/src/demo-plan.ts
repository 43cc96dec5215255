import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, BudgetLedgerService, BudgetService, OfficerAreasService, PlanService } from '@app/core';

/**
 * The demo province's plan, areas and budget (docs/architecture.md#plan-areas-and-budget): plan 256/KH-CĐYT of 2024,
 * the 2026 plan in two versions with the officers' duties, an area per officer by district, and the 2026 budget with
 * a plan per heading and a ledger (one heading over its plan, one entry reversed). Through the services, like the
 * rest of the demo data; deterministic.
 */

/** The officers' areas by district (the register's districts), in DEMO_USERS' officer order. */
export const DEMO_AREAS: readonly (readonly string[])[] = [
  ['TP Thái Bình', 'Vũ Thư'],
  ['Kiến Xương', 'Tiền Hải', 'Thái Thụy'],
  ['Quỳnh Phụ', 'Hưng Hà', 'Đông Hưng'],
];

const DUTIES = [
  'Phụ trách thành phố Thái Bình và huyện Vũ Thư: các bệnh viện tư nhân, công ty dược',
  'Phụ trách các huyện ven biển Kiến Xương, Tiền Hải, Thái Thụy',
  'Phụ trách các huyện Quỳnh Phụ, Hưng Hà, Đông Hưng',
];

/** The 2026 plan per heading (whole đồng), in DEFAULT_BUDGET_HEADINGS order. */
const BUDGET_2026 = ['30000000', '12000000', '36000000', '20000000', '15000000', '25000000'];

/** [day, heading index, amount, voucher, note]; "REVERSE" reverses the entry before it. */
const LEDGER_2026: readonly (readonly [string, number, string, string, string])[] = [
  ['2026-02-24', 0, '4500000', 'PC-012/2026', 'In tờ rơi tuyên truyền Luật Công đoàn 2024'],
  ['2026-03-10', 1, '1850000', 'PC-025/2026', 'Văn phòng phẩm quý I'],
  ['2026-03-31', 2, '9000000', 'PC-031/2026', 'Phụ cấp trách nhiệm quý I'],
  ['2026-04-15', 3, '6400000', 'PC-044/2026', 'Lớp bồi dưỡng nghiệp vụ cho cán bộ công đoàn cơ sở mới'],
  ['2026-05-06', 4, '3000000', 'PC-052/2026', 'Thuê cộng tác viên khảo sát huyện Tiền Hải'],
  ['2026-05-06', 4, '3000000', 'PC-052/2026', 'Ghi trùng'],
  ['2026-06-30', 2, '9000000', 'PC-071/2026', 'Phụ cấp trách nhiệm quý II'],
  ['2026-08-12', 5, '26500000', 'PC-090/2026', 'Hỗ trợ CĐCS mới thành lập: trang thiết bị, đại hội'],
  ['2026-09-30', 2, '9000000', 'PC-104/2026', 'Phụ cấp trách nhiệm quý III'],
  ['2026-10-20', 0, '7200000', 'PC-118/2026', 'Hội nghị tuyên truyền tại khu công nghiệp Tiền Hải'],
];
/** The ledger line (index in LEDGER_2026) recorded twice by mistake, then reversed. */
const REVERSED_LINE = 5;

export async function loadDemoPlan(app: INestApplicationContext, upperId: string, supervisor: Actor, officers: readonly Actor[]): Promise<void> {
  const plans = app.get(PlanService);
  const areas = app.get(OfficerAreasService);
  const budgets = app.get(BudgetService);
  const ledger = app.get(BudgetLedgerService);
  const db = app.get(DataSource);

  await plans.save(supervisor, {
    orgUnitId: upperId,
    year: 2024,
    number: '256/KH-CĐYT',
    issuedOn: '2024-06-27',
    title: 'Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở năm 2024',
    newMembers: 130,
    newGrassrootsUnions: 2,
    coveragePercent: 100,
    assignments: officers.map((o, i) => ({ officerId: o.userId, duty: DUTIES[i] })),
  });
  const v1 = {
    orgUnitId: upperId,
    year: 2026,
    number: '18/KH-CĐYT',
    issuedOn: '2026-01-15',
    title: 'Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở năm 2026',
    newMembers: 150,
    newGrassrootsUnions: 2,
    coveragePercent: 100,
    assignments: officers.map((o, i) => ({ officerId: o.userId, duty: DUTIES[i], newMembers: 20, newGrassrootsUnions: i === 0 ? 1 : 0 })),
  };
  await plans.save(supervisor, v1);
  // Version 2 after the mid-year review: the officers' targets as the demo's (OFFICER_TARGETS_2026 in demo-data.ts).
  await plans.save(supervisor, {
    ...v1,
    number: '18/KH-CĐYT (điều chỉnh)',
    issuedOn: '2026-07-10',
    assignments: officers.map((o, i) => ({ officerId: o.userId, duty: DUTIES[i], newMembers: [25, 25, 20][i], newGrassrootsUnions: [1, 1, 0][i] })),
    baseVersion: 1,
  });

  for (const [i, o] of officers.entries()) await areas.save(supervisor, { officerId: o.userId, districts: [...DEMO_AREAS[i]] });

  const headings = (await budgets.budget(supervisor, upperId, 2026)).headings;
  await ledger.setPlan(supervisor, { orgUnitId: upperId, year: 2026, lines: headings.map((h, i) => ({ headingId: h.id, amount: BUDGET_2026[i] })) });
  const [newUnion] = await db.query(
    `SELECT o.id FROM org_unit o JOIN founding_case c ON c.grassroots_union_id = o.id WHERE o.parent_id = $1 ORDER BY c.recognized_on DESC LIMIT 1`,
    [upperId],
  );
  for (const [i, [spentOn, h, amount, voucherNumber, note]] of LEDGER_2026.entries()) {
    const r = await ledger.record(supervisor, {
      orgUnitId: upperId,
      headingId: headings[h].id,
      spentOn,
      amount,
      voucherNumber,
      note,
      grassrootsUnionId: h === 5 ? (newUnion?.id ?? null) : null,
    });
    if (i === REVERSED_LINE) await ledger.reverse(supervisor, { entryId: r.entry.id, reason: 'Ghi trùng chứng từ PC-052/2026' });
  }
}
