import { INestApplicationContext } from '@nestjs/common';
import { Actor, CalendarService, EnterprisesService, OrgUnitKind, OrgUnitsService, RestructuringService } from '@app/core';
import { FundingType, addDays, taxCodeCheckDigit } from '@app/domain';

export const DEMO_EDUCATION_UNION_NAME = 'Công đoàn ngành Giáo dục Thái Bình';
export const DEMO_BLOC_UNION_NAME = 'Công đoàn Khối các cơ quan tỉnh Thái Bình';
export const DEMO_STATE_FUNDED_NAME = 'Trung tâm Kiểm soát bệnh tật tỉnh Thái Bình';

/**
 * A restructuring in the demo's history (docs/architecture.md#restructuring), as in 2025: a bloc union founded from
 * today, the education-sector union dissolved into it from today (its CĐCS move there; yesterday's tree still shows
 * them under the sector union), and a renaming of the bloc union scheduled a month ahead. Needs a real ADMIN account
 * (a change records who made it): skipped when there is none.
 */
export async function loadDemoRestructuring(app: INestApplicationContext, admin: Actor | null, federationId: string): Promise<void> {
  if (!admin) return;
  const orgUnits = app.get(OrgUnitsService);
  const restructuring = app.get(RestructuringService);
  const today = app.get(CalendarService).today();
  const education = await orgUnits.create(admin, { name: DEMO_EDUCATION_UNION_NAME, kind: OrgUnitKind.UPPER_LEVEL, parentId: federationId });
  for (const name of ['Công đoàn cơ sở Trường THPT Lê Quý Đôn', 'Công đoàn cơ sở Trường THCS Kỳ Bá']) {
    await orgUnits.create(admin, { name, kind: OrgUnitKind.GRASSROOTS, parentId: education.id });
  }
  const found = await restructuring.found(admin, {
    name: DEMO_BLOC_UNION_NAME,
    kind: OrgUnitKind.UPPER_LEVEL,
    parentId: federationId,
    effectiveOn: today,
    decisionReference: 'Quyết định số 120/QĐ-LĐLĐ về thành lập Công đoàn Khối các cơ quan tỉnh',
  });
  const blocId = found.unitIds.find((id) => id !== federationId)!;
  await restructuring.dissolve(admin, {
    id: education.id,
    transferTo: blocId,
    effectiveOn: today,
    officers: 'MOVE',
    targets: 'MOVE',
    decisionReference: 'Quyết định số 125/QĐ-LĐLĐ về giải thể Công đoàn ngành Giáo dục',
  });
  await loadDemoFunding(app, admin, blocId);
  await restructuring.rename(admin, {
    id: blocId,
    name: 'Công đoàn Viên chức tỉnh Thái Bình',
    effectiveOn: addDays(today, 30),
    decisionReference: 'Quyết định số 140/QĐ-LĐLĐ về đổi tên Công đoàn Khối',
  });
}

/**
 * A public service unit in the bloc union's register with its funding type over time
 * (docs/architecture.md#the-employers-funding-type): partly self-financing from 01/07/2021, wholly funded by the state
 * budget from 01/06/2025, so its staff may no longer be admitted (Công văn 4173/TLĐ-ToC).
 */
async function loadDemoFunding(app: INestApplicationContext, admin: Actor, blocId: string): Promise<void> {
  const enterprises = app.get(EnterprisesService);
  let n = 800_000_001;
  while (taxCodeCheckDigit(String(n)) === null) n++;
  const e = await enterprises.create(admin, {
    name: DEMO_STATE_FUNDED_NAME,
    taxCode: `${n}${taxCodeCheckDigit(String(n))}`,
    address: 'Số 8 Trần Thánh Tông, TP Thái Bình',
    district: 'TP Thái Bình',
    sector: 'Y tế dự phòng',
    workerCount: 120,
    hasUnion: true,
    orgUnitId: blocId,
    fundingType: FundingType.STATE_BUDGET_PARTIAL,
    fundingTypeFrom: '2021-07-01',
  });
  await enterprises.update(admin, { id: e.id, fundingType: FundingType.STATE_BUDGET_FULL, fundingTypeFrom: '2025-06-01' });
}
