import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  AdmissionsService,
  MembershipChangesService,
  PartyRecommendationsService,
  Role,
  StaffService,
  StatisticsReturnsService,
  UnionGroupsService,
  UsersService,
} from '@app/core';
import { LabourContractKind, LeaveReason, Sex, citizenIdCenturyDigit } from '@app/domain';

/** The GRASSROOTS accounts of the demo (password DEMO_PASSWORD): the chairs of two CĐCS (docs/architecture.md#grassroots-unions). */
export const DEMO_GRASSROOTS_USERS = Object.freeze([
  { role: Role.GRASSROOTS, email: 'cdcs.bvnhi@demo.cdcs.vn', fullName: 'Vũ Thị Thu Hà', unitKey: 'bvnhi' },
  { role: Role.GRASSROOTS, email: 'cdcs.duoc@demo.cdcs.vn', fullName: 'Đỗ Văn Thắng', unitKey: 'duocTB' },
]);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE: Record<Sex, string[]> = { [Sex.FEMALE]: ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Minh'], [Sex.MALE]: ['Văn', 'Đức', 'Quang', 'Minh'] };
const GIVEN: Record<Sex, string[]> = {
  [Sex.FEMALE]: ['Hà', 'Lan', 'Mai', 'Hương', 'Trang', 'Yến'],
  [Sex.MALE]: ['Nam', 'Hùng', 'Dũng', 'Tuấn', 'Long', 'Sơn'],
};
const JOBS: Record<string, string[]> = {
  bvnhi: ['Điều dưỡng', 'Bác sĩ', 'Kỹ thuật viên xét nghiệm', 'Hộ lý'],
  duocTB: ['Công nhân pha chế', 'Kiểm nghiệm viên', 'Trình dược viên', 'Thủ kho'],
};

/** A valid citizen id for the demo (province 034, Thái Bình), unique by `n`. */
function demoCitizenId(birthDate: string, sex: Sex, n: number): string {
  const year = Number(birthDate.slice(0, 4));
  return `034${citizenIdCenturyDigit(year, sex)}${String(year % 100).padStart(2, '0')}${String(900_000 + n).padStart(6, '0')}`;
}

/**
 * Two CĐCS get a chair's account and a staff list of 12: 9 admitted by one decision in November 2026, one of them
 * left the job since; 3 not members yet (one a manager, not eligible). The first recommends two members to the Party
 * (one admitted) and keeps two union groups (docs/architecture.md#party-recommendations-and-union-groups). Each submits its
 * YEAR 2026 statistics return as prefilled from its register (docs/architecture.md#statistics-returns), for the upper level
 * to accept or send back.
 */
export async function loadDemoGrassroots(app: INestApplicationContext, unitIds: ReadonlyMap<string, string>, password: string): Promise<void> {
  const db = app.get(DataSource);
  const users = app.get(UsersService);
  const staff = app.get(StaffService);
  const admissions = app.get(AdmissionsService);
  const changes = app.get(MembershipChangesService);
  const returns = app.get(StatisticsReturnsService);
  const party = app.get(PartyRecommendationsService);
  const groups = app.get(UnionGroupsService);
  let n = 0;
  for (const [u, spec] of DEMO_GRASSROOTS_USERS.entries()) {
    const unitId = unitIds.get(spec.unitKey)!;
    const made = await users.insert({ email: spec.email, fullName: spec.fullName, role: Role.GRASSROOTS, orgUnitId: unitId, password });
    const [unit] = await db.query(`SELECT path FROM org_unit WHERE id = $1`, [unitId]);
    const chair: Actor = { userId: made.id, role: Role.GRASSROOTS, orgUnitId: unitId, orgPath: unit.path, fullName: made.fullName, email: made.email };
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      n += 1;
      const sex = i % 3 === 0 ? Sex.MALE : Sex.FEMALE;
      const birthDate = `${1970 + ((i * 7 + u * 3) % 32)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(3 + i).padStart(2, '0')}`;
      const person = await staff.add(chair, {
        grassrootsUnionId: unitId,
        fullName: `${FAMILY[(i + u * 4) % FAMILY.length]} ${MIDDLE[sex][i % 4]} ${GIVEN[sex][(i + u) % 6]}`,
        citizenId: demoCitizenId(birthDate, sex, n),
        birthDate,
        sex,
        job: i === 11 ? 'Phó Giám đốc' : JOBS[spec.unitKey][i % 4],
        contractKind: i % 4 === 3 ? LabourContractKind.FIXED_TERM : LabourContractKind.INDEFINITE,
        contractMonths: i % 4 === 3 ? 36 : null,
        phone: i % 2 ? `09${String(12_345_670 + n).slice(0, 8)}` : null,
        isManager: i === 11 && spec.unitKey === 'duocTB',
      });
      ids.push(person.id);
    }
    await admissions.admit(chair, {
      grassrootsUnionId: unitId,
      decisionNumber: `${String(12 + u).padStart(2, '0')}/QĐ-CĐCS`,
      decidedOn: '2026-11-10',
      signer: spec.fullName,
      memberIds: ids.slice(0, 9),
    });
    await changes.recordLeaving(chair, { memberId: ids[8], leftOn: '2026-11-18', reason: LeaveReason.LEFT_JOB, note: 'Chấm dứt hợp đồng lao động' });
    if (u === 0) {
      const rec = await party.recommend(chair, {
        grassrootsUnionId: unitId,
        resolutionNumber: '05/NQ-CĐCS',
        resolutionOn: '2026-11-20',
        memberIds: [ids[0], ids[1]],
        note: 'Đoàn viên ưu tú năm 2026',
      });
      await party.recordOutcome(chair, { recommendationId: rec.id, memberId: ids[0], admitted: true, decidedOn: '2026-11-27' });
      const nurses = await groups.save(chair, { grassrootsUnionId: unitId, name: 'Tổ Điều dưỡng', leaderMemberId: ids[0] });
      const doctors = await groups.save(chair, { grassrootsUnionId: unitId, name: 'Tổ Bác sĩ', leaderMemberId: ids[1] });
      for (const [i, id] of ids.slice(2, 8).entries()) await groups.assign(chair, { memberId: id, unionGroupId: i % 2 ? doctors.id : nurses.id });
      // The groups were kept before the year's reference day (30/11), so the YEAR 2026 return counts them.
      await db.query(`UPDATE union_group SET created_at = '2026-11-01' WHERE grassroots_union_id = $1`, [unitId]);
    }
    const key = { grassrootsUnionId: unitId, kind: 'YEAR', year: 2026 } as const;
    const prefilled = await returns.get(chair, key);
    const saved = await returns.save(chair, { ...key, version: 0, figures: prefilled.figures });
    await returns.submit(chair, saved.id!, saved.version);
  }
}
