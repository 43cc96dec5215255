import { Role, UsersService } from '@app/core';
import { M, applicant, vnToday } from './case-fixtures';
import { PASSWORD, Province, TestApi, TestUser } from './test-api';

let seq = 0;

/** A valid citizen id (CCCD) for a birth date and sex, province 034 (Thái Bình), random last 6 digits. */
export function citizenIdFor(birthDate: string, sex: 'MALE' | 'FEMALE', province = '034'): string {
  const year = Number(birthDate.slice(0, 4));
  const century = (Math.floor(year / 100) - 19) * 2 + (sex === 'FEMALE' ? 1 : 0);
  const tail = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `${province}${century}${String(year % 100).padStart(2, '0')}${tail}`;
}

/** A valid person for addStaff; override any field. */
export function staffPerson(extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const sex = seq % 2 ? 'FEMALE' : 'MALE';
  const birthDate = `${1975 + (seq % 25)}-0${1 + (seq % 9)}-1${seq % 10}`;
  return {
    fullName: `${sex === 'FEMALE' ? 'Nguyễn Thị' : 'Trần Văn'} Công Nhân ${seq} ${Math.random().toString(36).slice(2, 6)}`,
    citizenId: citizenIdFor(birthDate, sex),
    birthDate,
    sex,
    job: 'Công nhân may',
    contractKind: 'INDEFINITE',
    ...extra,
  };
}

export const G = {
  addStaff: `mutation($i: AddStaffInput!) { addStaff(input: $i) { id fullName citizenId status } }`,
  updateStaff: `mutation($i: UpdateStaffInput!) { updateStaff(input: $i) { id fullName citizenId status } }`,
  admit: `mutation($i: AdmitMembersInput!) { admitMembers(input: $i) { id number decidedOn signer memberIds members { id status admittedOn decisionNumber } } }`,
  leave: `mutation($i: RecordMemberLeavingInput!) { recordMemberLeaving(input: $i) { id status leftOn leftReason } }`,
  transfer: `mutation($i: TransferMemberInput!) { transferMember(input: $i) { id status admittedOn transferredIn memberships { admittedOn transferredIn leftOn } } }`,
  members: `query($g: ID!, $f: MemberFilter, $first: Int, $after: String) { members(grassrootsUnionId: $g, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id fullName citizenId status admittedOn leftReason transferredIn } } }`,
  member: `query($id: ID!) { member(id: $id) { id fullName status admittedOn decisionNumber leftOn leftReason memberships { admittedOn leftOn leftReason transferredIn } } }`,
  account: `mutation($i: CreateGrassrootsAccountInput!) { createGrassrootsAccount(input: $i) { id role orgUnit { id } } }`,
};

export interface Cdcs {
  id: string;
  chair: TestUser;
}

/** A CĐCS under the province's unit with a GRASSROOTS account (its chair). */
export async function newCdcs(api: TestApi, p: Province, name = 'Công ty May'): Promise<Cdcs> {
  seq += 1;
  const d = await api.ok(
    `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
    { i: { name: `Công đoàn cơ sở ${name} ${p.tag} ${seq}`, kind: 'GRASSROOTS', parentId: p.unitId } },
    p.supervisor.token,
  );
  const id = d.createOrgUnit.id as string;
  const email = `chair.${seq}.${p.tag}@test.vn`;
  const u = await api.app.get(UsersService).insert({ email, fullName: `Chủ tịch CĐCS ${seq}`, role: Role.GRASSROOTS, orgUnitId: id, password: PASSWORD });
  return { id, chair: { id: u.id, email, token: await api.login(email) } };
}

/** Adds `n` people to the CĐCS's staff list (as its chair); their ids. */
export async function addStaff(api: TestApi, c: Cdcs, n: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await api.ok(G.addStaff, { i: { grassrootsUnionId: c.id, ...staffPerson(extra) } }, c.chair.token)).addStaff.id);
  return ids;
}

/** Adds `n` new people to the CĐCS's staff list and admits them by one decision of `decidedOn` (as its chair); their member ids. */
export async function admitNewStaff(api: TestApi, c: Cdcs, n: number, decidedOn: string, decisionNumber = '01/QĐ'): Promise<string[]> {
  const ids = await addStaff(api, c, n);
  await api.ok(G.admit, { i: { grassrootsUnionId: c.id, decisionNumber, decidedOn, signer: 'Hiệu trưởng', memberIds: ids } }, c.chair.token);
  return ids;
}

/** The members an upper-level union admitted directly (docs/architecture.md#grassroots-unions). */
export const U = {
  members: `query($u: ID!, $f: MemberFilter, $first: Int, $after: String) { upperLevelMembers(orgUnitId: $u, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id orgUnitId applicationId fullName citizenId birthYear sex position status admittedOn decisionNumber leftOn leftReason leftNote } } }`,
  leave: `mutation($i: RecordUpperLevelMemberLeavingInput!) { recordUpperLevelMemberLeaving(input: $i) { id status leftOn leftReason leftNote } }`,
  transfer: `mutation($i: TransferUpperLevelMemberInput!) { transferUpperLevelMember(input: $i) { id status leftOn leftReason leftNote } }`,
};

/**
 * An application sent directly to the province's upper-level union, admitted by `token` (a SUPERVISOR or ADMIN):
 * the worker becomes a member of the union itself. Its application's and membership's ids.
 */
export async function newDirectMember(
  api: TestApi,
  p: Province,
  token: string,
  extra: Record<string, unknown> = {},
  decidedOn = vnToday(),
): Promise<{ applicationId: string; memberId: string }> {
  const applicationId = (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: p.unitId }, { submittedOn: decidedOn, ...extra }) }, token))
    .submitApplication.id as string;
  await api.ok(M.decideApplication, { i: { applicationId, admit: true, decidedOn, decisionNumber: `${++seq}/QĐ-CĐCT` } }, token);
  const [row] = await api.db.query(`SELECT id FROM member WHERE application_id = $1`, [applicationId]);
  return { applicationId, memberId: row.id };
}
