import { LabourContractKind, LeaveReason, MemberStatus, Sex } from '@app/domain';

/** A person of a CĐCS's staff list with the state of its membership there: what `members` and `member` answer. */
export interface MemberView {
  /** The staff row's id (the person in this CĐCS). */
  id: string;
  grassrootsUnionId: string;
  fullName: string;
  citizenId: string | null;
  birthDate: string | null;
  birthYear: number;
  sex: Sex;
  job: string | null;
  contractKind: LabourContractKind | null;
  contractMonths: number | null;
  phone: string | null;
  nationality: string;
  isManager: boolean;
  status: MemberStatus;
  /** The current (or last) membership in this CĐCS. */
  membershipId: string | null;
  admittedOn: string | null;
  decisionNumber: string | null;
  /** True when the membership came by a transfer from another CĐCS (not a new member). */
  transferredIn: boolean;
  leftOn: string | null;
  leftReason: LeaveReason | null;
  leftNote: string | null;
}

/** The columns of a MemberView, over `grassroots_staff s` and the lateral `m` below. */
export const MEMBER_VIEW_COLUMNS = `s.id, s.grassroots_union_id AS "grassrootsUnionId", s.full_name AS "fullName", s.citizen_id AS "citizenId",
  to_char(s.birth_date, 'YYYY-MM-DD') AS "birthDate", s.birth_year AS "birthYear", s.sex, s.job, s.contract_kind AS "contractKind",
  s.contract_months AS "contractMonths", s.phone, s.nationality, s.is_manager AS "isManager",
  CASE WHEN m.id IS NULL THEN 'NOT_MEMBER' WHEN m.left_on IS NULL THEN 'MEMBER' ELSE 'LEFT' END AS status,
  m.id AS "membershipId", to_char(m.admitted_on, 'YYYY-MM-DD') AS "admittedOn", m.decision_number AS "decisionNumber",
  (m.transferred_from_id IS NOT NULL) AS "transferredIn", to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn", m.left_reason AS "leftReason", m.left_note AS "leftNote"`;

/** The person's current membership in its CĐCS, else its latest one. */
export const MEMBER_VIEW_FROM = `grassroots_staff s LEFT JOIN LATERAL (
    SELECT x.* FROM member x WHERE x.staff_id = s.id ORDER BY (x.left_on IS NULL) DESC, x.admitted_on DESC, x.id DESC LIMIT 1) m ON true`;

/** The name of the person's union group (tổ công đoàn) over `grassroots_staff s`, null when in none. */
export const UNION_GROUP_SQL = `(SELECT g.name FROM union_group_member gm JOIN union_group g ON g.id = gm.union_group_id AND g.removed_at IS NULL
    WHERE gm.staff_id = s.id)`;
