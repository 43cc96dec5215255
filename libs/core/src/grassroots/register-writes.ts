import { EntityManager } from 'typeorm';
import { foldNationality } from '@app/domain';

/** A person about to become a member: its staff row and, when admitted on an application, that application. */
export interface NewMember {
  /** Null only for a direct application decided by an upper-level union (no CĐCS staff list). */
  staffId: string | null;
  applicationId: string | null;
  fullName: string;
  citizenId: string | null;
  birthYear: number;
  sex: string;
}

/** 'Nữ', 'nu', 'F', 'female' … → FEMALE; anything else MALE (applications keep the sex as typed). */
export function sexOfGender(gender: string): 'MALE' | 'FEMALE' {
  const g = foldNationality(gender ?? '');
  return ['nu', 'f', 'female', 'nugioi'].includes(g) ? 'FEMALE' : 'MALE';
}

/**
 * The staff rows of applicants (founders at a recognition, applications decided by a CĐCS): one per application in
 * `unitId`'s staff list, the one already there when its citizen id is (a 12-digit personal id is kept as the citizen
 * id; older 9-digit ids are not citizen ids). Returns the people in the applications' order.
 */
export async function staffFromApplications(m: EntityManager, applicationIds: readonly string[], unitId?: string): Promise<NewMember[]> {
  if (!applicationIds.length) return [];
  const apps: Record<string, unknown>[] = await m.query(
    `SELECT id, grassroots_union_id, full_name, personal_id, birth_year, gender, position, is_manager, serving_sentence, nationality, contract_months
       FROM membership_application WHERE id = ANY($1::uuid[]) ORDER BY submitted_on, created_at, id`,
    [applicationIds],
  );
  const out: NewMember[] = [];
  for (const a of apps) {
    const citizenId = /^\d{12}$/.test((a.personal_id as string | null) ?? '') ? (a.personal_id as string) : null;
    const sex = sexOfGender(String(a.gender));
    const [row] = await m.query(
      `INSERT INTO grassroots_staff (grassroots_union_id, full_name, citizen_id, birth_year, sex, job, contract_kind, contract_months, nationality, is_manager, serving_sentence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (grassroots_union_id, citizen_id) WHERE citizen_id IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id`,
      [
        unitId ?? a.grassroots_union_id,
        a.full_name,
        citizenId,
        a.birth_year,
        sex,
        a.position,
        a.contract_months === null ? 'INDEFINITE' : 'FIXED_TERM',
        a.contract_months,
        a.nationality,
        a.is_manager,
        a.serving_sentence,
      ],
    );
    out.push({ staffId: row.id, applicationId: a.id as string, fullName: a.full_name as string, citizenId, birthYear: a.birth_year as number, sex });
  }
  return out;
}

/** Inserts the memberships of `people` in `unitId`, admitted on `admittedOn` (one statement: the member tallies' triggers run once). */
export async function insertMembers(
  m: EntityManager,
  unitId: string,
  people: readonly NewMember[],
  at: { admittedOn: string; decisionNumber: string | null; decisionId?: string | null; caseId?: string | null },
): Promise<void> {
  if (!people.length) return;
  await m.query(
    `INSERT INTO member (grassroots_union_id, case_id, staff_id, application_id, admission_decision_id, full_name, personal_id, birth_year, gender, admitted_on, decision_number)
     SELECT $1, $2, x.staff_id, x.application_id, $3, x.full_name, x.citizen_id, x.birth_year, x.gender, $4, $5
       FROM unnest($6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::int[], $11::text[]) AS x(staff_id, application_id, full_name, citizen_id, birth_year, gender)
     ON CONFLICT (application_id) DO NOTHING`,
    [
      unitId,
      at.caseId ?? null,
      at.decisionId ?? null,
      at.admittedOn,
      at.decisionNumber,
      people.map((c) => c.staffId),
      people.map((c) => c.applicationId),
      people.map((c) => c.fullName),
      people.map((c) => c.citizenId),
      people.map((c) => c.birthYear),
      people.map((c) => (c.sex === 'FEMALE' ? 'Nữ' : 'Nam')),
    ],
  );
}

/**
 * People whose membership just ended (leaving, transfer out, dissolution) leave their union group and lead none: a
 * group's leader is an active member of it (docs/architecture.md#party-recommendations-and-union-groups). Every
 * write that ends a membership calls this in its transaction.
 */
export async function leaveUnionGroups(m: EntityManager, staffIds: readonly (string | null)[]): Promise<void> {
  const ids = staffIds.filter((id): id is string => !!id);
  if (!ids.length) return;
  await m.query(`DELETE FROM union_group_member WHERE staff_id = ANY($1::uuid[])`, [ids]);
  await m.query(`UPDATE union_group SET leader_staff_id = NULL WHERE leader_staff_id = ANY($1::uuid[])`, [ids]);
}
