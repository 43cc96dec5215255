import { randomUUID } from 'node:crypto';
import { ensureHeadings } from '@app/core';
import { vnToday } from './case-fixtures';
import { G } from './grassroots';
import { csvOf, dryRun, validTaxCode } from './register-imports';
import { Province, TestApi } from './test-api';

/**
 * Fresh objects for calls that change them, shared by the authorization matrix (test/security) and the audit
 * scenarios (test/audit): each makes one through the API (as the caller given) or, where only its row matters,
 * the database, and answers its id.
 */

/** A short unique suffix for names and numbers. */
export const uniq = (): string => randomUUID().slice(0, 8);

/** A statistics return's figures, all zero (a valid draft of an empty CĐCS). */
export const ZERO_RETURN_FIGURES = {
  membersAtStart: 0,
  admitted: 0,
  transferredIn: 0,
  leftTransferred: 0,
  leftJob: 0,
  leftWithdrew: 0,
  leftExpelled: 0,
  leftDied: 0,
  leftPaused: 0,
  membersAtEnd: 0,
  womenMembers: 0,
  staffNotMembers: 0,
};

/** A unit's document texts (a signer), for saveDocumentSettings. */
export const documentSettings = (orgUnitId: string) => ({
  orgUnitId,
  parentLine: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH',
  issuerName: 'CÔNG ĐOÀN NGÀNH',
  shortName: 'CĐN',
  placeName: 'Thái Bình',
  authorityLine: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Phạm Văn Đức',
  recipients: ['Lưu: VT.'],
});

/** A fresh dry run of a one-row enterprise file in the province's unit (uploaded by its supervisor), VALIDATED. */
export async function newDryRun(api: TestApi, p: Province, label: string, fileName: string): Promise<string> {
  const file = csvOf([
    ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động'],
    [`Công ty ${label} ${uniq()}`, validTaxCode(), 40],
  ]);
  return (await dryRun(api, p.supervisor.token, file, { fileName, orgUnitId: p.unitId })).id;
}

/** Admits a person of the CĐCS's staff list today (an admission decision of its own). */
export async function admitStaff(api: TestApi, token: string, grassrootsUnionId: string, staffId: string): Promise<void> {
  await api.ok(
    G.admit,
    { i: { grassrootsUnionId, decisionNumber: `QĐ-${uniq()}`, decidedOn: vnToday(), signer: 'Nguyễn Văn Ký', memberIds: [staffId] } },
    token,
  );
}

/** A fresh resolution of the CĐCS recommending one member to the Party; its id. */
export async function recommendToParty(api: TestApi, token: string, grassrootsUnionId: string, memberId: string): Promise<string> {
  const d = await api.ok(
    `mutation($i: RecommendMembersToPartyInput!) { recommendMembersToParty(input: $i) { id } }`,
    { i: { grassrootsUnionId, resolutionNumber: `NQ-${uniq()}`, resolutionOn: vnToday(), memberIds: [memberId] } },
    token,
  );
  return d.recommendMembersToParty.id;
}

/** A fresh union group of the CĐCS named `${name} <unique>`; its id. */
export async function newUnionGroup(api: TestApi, token: string, grassrootsUnionId: string, name: string): Promise<string> {
  const d = await api.ok(
    `mutation($i: SaveUnionGroupInput!) { saveUnionGroup(input: $i) { id } }`,
    { i: { grassrootsUnionId, name: `${name} ${uniq()}` } },
    token,
  );
  return d.saveUnionGroup.id;
}

/** The unit's first spending heading (the seed's defaults made on first use). */
export async function firstHeading(api: TestApi, unitId: string): Promise<string> {
  await ensureHeadings(api.db, unitId);
  return (await api.db.query(`SELECT id FROM budget_heading WHERE org_unit_id = $1 ORDER BY position LIMIT 1`, [unitId]))[0].id;
}

/** A ledger entry of 1,000 đồng today on the unit's first heading (written directly: only its row matters); its id. */
export async function newLedgerEntry(api: TestApi, unitId: string, recordedBy: string, voucherNumber: string): Promise<string> {
  const [e] = await api.db.query(
    `INSERT INTO budget_entry (org_unit_id, heading_id, spent_on, amount, voucher_number, recorded_by) VALUES ($1, $2, $3, 1000, $4, $5) RETURNING id::text`,
    [unitId, await firstHeading(api, unitId), vnToday(), voucherNumber, recordedBy],
  );
  return e.id;
}
