import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  DocumentKind,
  FundingType,
  IneligibleReason,
  Ownership,
  STATE_BUDGET_ADMISSION_REFUSAL,
  fundingAllowsAdmission,
  ineligibilityReasons,
  isIsoDate,
} from '@app/domain';
import { Actor } from '../common/actor';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { RULE } from '../common/messages-vi';
import { AppError, ErrorCode, conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { isUniqueViolation } from '../common/pg-errors';
import { MAX_NAME } from '../common/text-input';
import { isUuid } from '../identity/account-errors';
import { issueInTransaction } from '../documents/document-register';
import { effectiveSettings } from '../documents/document-settings';
import { employerOfSql, grassrootsUnit } from './grassroots-scope';
import { MEMBER_VIEW_COLUMNS, MEMBER_VIEW_FROM, MemberView } from './member-row';
import { NewMember, insertMembers, staffFromApplications } from './register-writes';
import { viOrder } from '../common/vietnamese-order';

export interface AdmitMembers {
  grassrootsUnionId: string;
  /** Empty: the register gives it (docs/architecture.md#official-documents). */
  decisionNumber?: string | null;
  decidedOn: string;
  signer?: string | null;
  /** People of the CĐCS's staff list (their ids). */
  memberIds?: readonly string[] | null;
  /** Pending applications to the CĐCS (submitApplication with its grassrootsUnionId). */
  applicationIds?: readonly string[] | null;
}

export interface AdmissionDecisionView {
  id: string;
  grassrootsUnionId: string;
  number: string;
  decidedOn: string;
  signer: string;
  /** The staff ids of the people it admitted. */
  memberIds: string[];
  membersCount: number;
}

export const MAX_ADMISSION_BATCH = 500;

const text = (v: string | null | undefined): string => (v ?? '').normalize('NFC').trim();

/**
 * A typed number must not look like one of the register's ("12/QĐ-CĐCSDHY": the register would give it again);
 * without one, the signer is the one of the CĐCS's document settings (or the same name typed), or the name typed where
 * the settings name nobody. Returns the signer.
 */
async function checkNumbering(m: EntityManager, unitId: string, typed: string, signer: string): Promise<string> {
  const { settings } = await effectiveSettings(m, unitId);
  const registerForm = new RegExp(`^\\d+\\s*/\\s*QĐ\\s*-\\s*${settings.shortName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu');
  if (typed && registerForm.test(typed)) {
    throw new FieldProblems()
      .add(
        'decisionNumber',
        `Số «${typed}» có dạng số của sổ văn bản của công đoàn cơ sở (…/QĐ-${settings.shortName}); để trống ô số quyết định để hệ thống cấp số theo sổ`,
      )
      .error();
  }
  if (typed) return signer;
  if (!settings.signerName) {
    if (signer) return signer;
    throw new FieldProblems()
      .add('signer', 'Cài đặt văn bản của công đoàn cơ sở chưa có người ký: nhập họ tên người ký quyết định (hoặc nhờ quản trị viên khai báo người ký)')
      .error();
  }
  if (signer && signer.toLocaleLowerCase('vi') !== settings.signerName.toLocaleLowerCase('vi')) {
    throw new FieldProblems()
      .add('signer', `Quyết định lấy số theo sổ văn bản do ${settings.signerName} ký (cài đặt văn bản của công đoàn cơ sở); để trống hoặc nhập đúng tên này`)
      .error();
  }
  return settings.signerName;
}

/**
 * An admission decision of a CĐCS (quyết định kết nạp): a batch of its staff and of the applications sent to it,
 * each eligible under today's rules (libs/domain/src/eligibility.ts), admitted on the decision's day. They count as
 * new members of that month for the CĐCS and every unit above it (the member tallies; docs/architecture.md#grassroots-unions).
 */
@Injectable()
export class AdmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async admit(actor: Actor, input: AdmitMembers): Promise<AdmissionDecisionView> {
    const problems = new FieldProblems();
    // No number: the CĐCS's register gives it, with the decision document (docs/architecture.md#official-documents).
    const typed = text(input.decisionNumber);
    if (typed.length > 100) problems.add('decisionNumber', 'Số quyết định không được dài quá 100 ký tự');
    const signer = text(input.signer);
    if (!signer && typed) problems.add('signer', 'Người ký quyết định không được để trống');
    else if (signer.length > MAX_NAME) problems.add('signer', `Người ký không được dài quá ${MAX_NAME} ký tự`);
    const today = this.calendar.today();
    if (!isIsoDate(input.decidedOn)) problems.add('decidedOn', 'Ngày quyết định không hợp lệ');
    else if (input.decidedOn > today) problems.add('decidedOn', 'Ngày quyết định không được sau hôm nay');
    else if (input.decidedOn < '2000-01-01') problems.add('decidedOn', 'Ngày quyết định quá xa');
    const memberIds = [...new Set(input.memberIds ?? [])];
    const applicationIds = [...new Set(input.applicationIds ?? [])];
    if (!memberIds.length && !applicationIds.length) problems.add('memberIds', 'Quyết định phải kết nạp ít nhất một người');
    else if (memberIds.length + applicationIds.length > MAX_ADMISSION_BATCH)
      problems.add('memberIds', `Một quyết định kết nạp tối đa ${MAX_ADMISSION_BATCH} người`);
    if (memberIds.some((id) => !isUuid(id))) problems.add('memberIds', 'Mã người lao động không hợp lệ');
    if (applicationIds.some((id) => !isUuid(id))) problems.add('applicationIds', 'Mã đơn không hợp lệ');
    problems.throwIfAny();
    try {
      return await this.db.transaction(async (m) => {
        const unit = await grassrootsUnit(m, actor, input.grassrootsUnionId, 'write', true);
        const signedBy = await checkNumbering(m, unit.id, typed, signer);
        const staff: NewMember[] = memberIds.length
          ? await m.query(
              `SELECT id AS "staffId", full_name AS "fullName", citizen_id AS "citizenId", birth_year AS "birthYear", sex, NULL AS "applicationId",
                      is_manager, serving_sentence, nationality, contract_months
                 FROM grassroots_staff WHERE id = ANY($1::uuid[]) AND grassroots_union_id = $2 ORDER BY ${viOrder('full_name')}, id FOR UPDATE`,
              [memberIds, unit.id],
            )
          : [];
        if (staff.length !== memberIds.length) throw notFound('member');
        const apps = applicationIds.length
          ? await m.query(`SELECT * FROM membership_application WHERE id = ANY($1::uuid[]) AND grassroots_union_id = $2 ORDER BY submitted_on, id FOR UPDATE`, [
              applicationIds,
              unit.id,
            ])
          : [];
        if (apps.length !== applicationIds.length) throw notFound('application');
        const decided = apps.filter((a: { status: string }) => a.status !== 'SUBMITTED');
        if (decided.length) throw conflict(`Đơn của ${decided.map((a: { full_name: string }) => a.full_name).join(', ')} đã được giải quyết`);
        if (apps.some((a: { submitted_on: string }) => a.submitted_on > input.decidedOn)) {
          throw new FieldProblems().add('decidedOn', 'Ngày quyết định không được trước ngày nộp đơn').error();
        }
        await this.checkFunding(m, unit.id, input.decidedOn);
        await this.checkEligible(m, unit.ownership, staff as unknown as Record<string, unknown>[], apps);
        // A number from the register is written over a placeholder by the document's issue, in this transaction.
        const [decision] = await m.query(
          `INSERT INTO admission_decision (grassroots_union_id, number, decided_on, signer, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [unit.id, typed || `…${randomUUID()}`, input.decidedOn, signedBy, actor.userId],
        );
        let number = typed;
        if (!typed) {
          const args = { kind: DocumentKind.ADMISSION_DECISION, sourceId: decision.id, issuedOn: input.decidedOn, texts: {}, today, dayField: 'decidedOn' };
          await issueInTransaction(m, actor, { ...args, keepTyped: false });
          [{ number }] = await m.query(`SELECT number FROM admission_decision WHERE id = $1`, [decision.id]);
        }
        if (apps.length) {
          await m.query(
            `UPDATE membership_application SET status = 'ADMITTED', decided_on = $2, decision_number = $3, decided_by = $4 WHERE id = ANY($1::uuid[])`,
            [applicationIds, input.decidedOn, number, actor.userId],
          );
        }
        const fromApps = await staffFromApplications(m, applicationIds);
        const all: NewMember[] = [...staff, ...fromApps];
        await insertMembers(m, unit.id, all, { admittedOn: input.decidedOn, decisionNumber: number, decisionId: decision.id });
        const admitted = all.map((c) => c.staffId!);
        return {
          id: decision.id,
          grassrootsUnionId: unit.id,
          number,
          decidedOn: input.decidedOn,
          signer: signedBy,
          memberIds: admitted,
          membersCount: admitted.length,
        };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_admission_decision_number')) {
        throw conflict('CĐCS đã có quyết định kết nạp với số này', { fields: ['decisionNumber'], messages: { decisionNumber: 'Số quyết định đã được dùng' } });
      }
      if (isUniqueViolation(e, 'UQ_member_active_personal_id') || isUniqueViolation(e, 'UQ_member_active_staff')) {
        throw conflict('Một người trong danh sách vừa trở thành đoàn viên ở nơi khác', { reason: 'ALREADY_MEMBER' });
      }
      throw e;
    }
  }

  /**
   * The admission decisions of a CĐCS, newest first (day, then id), read as its register: its own users, the upper
   * level of its subtree, ADMIN; else NOT_FOUND. Their documents are the `documents` of kind ADMISSION_DECISION.
   */
  async list(actor: Actor, grassrootsUnionId: string, first?: number | null, after?: string | null): Promise<Page<AdmissionDecisionView>> {
    const limit = checkFirst(first);
    const unit = await grassrootsUnit(this.db.manager, actor, grassrootsUnionId, 'read');
    const params: unknown[] = [unit.id];
    const page = ['d.grassroots_union_id = $1'];
    const cursor = decodeCursor(after, 2) as string[] | null;
    if (cursor) {
      if (!isIsoDate(cursor[0]) || !isUuid(cursor[1])) throw new FieldProblems().add('after', RULE.badCursor()).error();
      page.push(`(d.decided_on, d.id) < ($${params.push(cursor[0])}::date, $${params.push(cursor[1])}::uuid)`);
    }
    const [rows, [{ n }]]: [AdmissionDecisionView[], { n: number }[]] = await Promise.all([
      this.db.query(
        `SELECT d.id, d.grassroots_union_id AS "grassrootsUnionId", d.number, to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn", d.signer,
                array(SELECT x.staff_id::text FROM member x WHERE x.admission_decision_id = d.id AND x.staff_id IS NOT NULL ORDER BY ${viOrder('x.full_name')}, x.id) AS "memberIds"
           FROM admission_decision d WHERE ${page.join(' AND ')} ORDER BY d.decided_on DESC, d.id DESC LIMIT ${limit + 1}`,
        params,
      ),
      this.db.query(`SELECT count(*)::int AS n FROM admission_decision WHERE grassroots_union_id = $1`, [unit.id]),
    ]);
    const nodes = rows.slice(0, limit).map((r) => ({ ...r, membersCount: r.memberIds.length }));
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount: n, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor([last.decidedOn, last.id]) : null } };
  }

  /** The people admitted by each decision (by name), as the register shows them: one statement for a page of decisions. */
  async membersOf(decisionIds: readonly string[]): Promise<Map<string, MemberView[]>> {
    const rows: (MemberView & { decisionId: string })[] = decisionIds.length
      ? await this.db.query(
          `SELECT ${MEMBER_VIEW_COLUMNS}, x.admission_decision_id AS "decisionId"
             FROM ${MEMBER_VIEW_FROM} JOIN member x ON x.staff_id = s.id
            WHERE x.admission_decision_id = ANY($1::uuid[]) ORDER BY ${viOrder('s.full_name')}, s.id`,
          [decisionIds],
        )
      : [];
    const by = new Map<string, MemberView[]>(decisionIds.map((id) => [id, []]));
    for (const { decisionId, ...r } of rows) by.get(decisionId)?.push(r);
    return by;
  }

  /**
   * The employer (employerOfSql: the one recorded for the CĐCS, or the enterprise whose founding case made it) wholly funded by the state budget on the decision's
   * day: no admission (Công văn 4173/TLĐ-ToC; docs/architecture.md#the-employers-funding-type). CONFLICT, reason STATE_BUDGET_FUNDED.
   */
  private async checkFunding(m: EntityManager, unitId: string, day: string): Promise<void> {
    const [row]: { funding_type: FundingType; name: string }[] = await m.query(
      `SELECT f.funding_type, e.name FROM enterprise e
         CROSS JOIN LATERAL (SELECT funding_type FROM enterprise_funding_type WHERE enterprise_id = e.id AND valid_from <= $2::date
                              ORDER BY valid_from DESC, id DESC LIMIT 1) f
        WHERE e.id = ${employerOfSql('$1::uuid')}`,
      [unitId, day],
    );
    if (row && !fundingAllowsAdmission(row.funding_type)) {
      throw conflict(`${STATE_BUDGET_ADMISSION_REFUSAL}. Đơn vị: ${row.name}`, {
        reason: 'STATE_BUDGET_FUNDED',
        fields: ['decidedOn'],
        messages: { decidedOn: STATE_BUDGET_ADMISSION_REFUSAL },
      });
    }
  }

  /** Every candidate under the eligibility rules; INELIGIBLE with the reasons of all of them (`members`: who and why). */
  private async checkEligible(m: EntityManager, ownership: string | null, staff: Record<string, unknown>[], apps: Record<string, unknown>[]): Promise<void> {
    const ids = [...staff.map((s) => s.citizenId), ...apps.map((a) => a.personal_id)].filter((x): x is string => !!x);
    const active: { personal_id: string | null; staff_id: string | null }[] = await m.query(
      `SELECT personal_id, staff_id FROM member WHERE left_on IS NULL AND (personal_id = ANY($1::text[]) OR staff_id = ANY($2::uuid[]))`,
      [ids, staff.map((s) => s.staffId)],
    );
    const members = new Set(active.flatMap((a) => [a.personal_id, a.staff_id]).filter(Boolean));
    const refused: { id: string; fullName: string; reasons: IneligibleReason[] }[] = [];
    const facts = (x: Record<string, unknown>, id: string, name: string, citizenId: unknown) => {
      const reasons = ineligibilityReasons({
        isManager: !!x.is_manager,
        servingSentence: !!x.serving_sentence,
        nationality: String(x.nationality),
        contractMonths: (x.contract_months as number | null) ?? null,
        alreadyMember: members.has(id) || (!!citizenId && members.has(citizenId as string)),
        ownership: (ownership as Ownership) ?? null,
      });
      if (reasons.length) refused.push({ id, fullName: name, reasons });
    };
    for (const s of staff) facts(s, s.staffId as string, s.fullName as string, s.citizenId);
    for (const a of apps) facts(a, a.id as string, a.full_name as string, a.personal_id);
    if (!refused.length) return;
    const reasons = [...new Set(refused.flatMap((r) => r.reasons))];
    throw new AppError(ErrorCode.INELIGIBLE, `Không đủ điều kiện kết nạp: ${refused.map((r) => r.fullName).join(', ')}`, { reasons, members: refused });
  }
}
