import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/actor';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { LEAVE_REASON_LABEL_VI, LeaveReason, MemberStatus } from '@app/domain';
import { FileError, ImportRow, RowError, STAFF_HEADINGS, STAFF_IMPORT, StaffImportRow, formatDayMonthYear, readTabular, refusedRowsBuffer } from '../imports';
import { MEMBER_STATUS_LABEL_VI, STAFF_MEMBERSHIP_KEYS, citizenIdKey } from '../imports/staff-import';
import { grassrootsUnit } from './grassroots-scope';
import { MEMBER_VIEW_FROM, UNION_GROUP_SQL } from './member-row';
import { KnownStaffValues, StaffFields, StaffValues, knownStaffValues, staffValues } from './staff-input';
import { staffRowValues } from './staff.service';

export type StaffImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED';

export interface StaffImportRowResult {
  rowNumber: number;
  action: StaffImportAction;
  fullName: string | null;
  citizenId: string | null;
  /** The person on the list the row matched (by its code or citizen id); null for CREATE and unmatched refusals. */
  staffId: string | null;
  /** For UPDATE: the fields the file changes. */
  changedFields: string[];
  errors: RowError[];
}

export type StaffImportResult =
  | { ok: true; applied: boolean; totalRows: number; toCreate: number; toUpdate: number; unchanged: number; refused: number; rows: StaffImportRowResult[] }
  | { ok: false; errors: FileError[] };

/** Columns an imported row sets; an empty optional cell keeps what the list has. */
const COMPARED = ['fullName', 'citizenId', 'birthDate', 'sex', 'job', 'contractKind', 'phone'] as const;
type Compared = (typeof COMPARED)[number];
const HEADING_OF: Record<string, string> = STAFF_HEADINGS;

/** A person of the list with its membership as the register reads it (MEMBER_VIEW) and its union group. */
interface Existing extends Record<Compared, string | null> {
  id: string;
  birthYear: number;
  status: MemberStatus;
  admittedOn: string | null;
  decisionNumber: string | null;
  leftOn: string | null;
  leftReason: LeaveReason | null;
  unionGroup: string | null;
  /** Whether the person has an open membership (its citizen id is then unique nationwide among open memberships). */
  active: boolean;
}

/** Text as the reader gives it (NFC, white space runs made one, trimmed): what was stored before the rule compares equal. */
const asRead = (v: string | null): string | null => (v === null ? null : v.normalize('NFC').replace(/\s+/gu, ' ').trim());
const sameText = (a: string | null, b: string | null): boolean => (asRead(a) ?? '').toLocaleLowerCase('vi') === (asRead(b) ?? '').toLocaleLowerCase('vi');
/** A stored value and the file's equal: text as the reader reads it, the rest as is. */
const sameValue = (k: Compared, a: string | null, b: string | null): boolean => (k === 'fullName' || k === 'job' ? asRead(a) === asRead(b) : a === b);
const shownDay = (d: string | null): string => (d ? formatDayMonthYear(d) : '');

/** The membership columns as the register shows them (the export's cells), to compare with a file's. */
function registerShows(e: Existing | undefined): Record<(typeof STAFF_MEMBERSHIP_KEYS)[number], string> {
  return {
    memberStatus: MEMBER_STATUS_LABEL_VI[e?.status ?? MemberStatus.NOT_MEMBER],
    admittedOn: shownDay(e?.admittedOn ?? null),
    decisionNumber: e?.decisionNumber ?? '',
    leftOn: shownDay(e?.leftOn ?? null),
    leftReason: e?.leftReason ? LEAVE_REASON_LABEL_VI[e.leftReason] : '',
    unionGroup: e?.unionGroup ?? '',
  };
}

/** The membership cells a row fills that differ from the register: each a refusal (the import never writes them). */
function membershipDifferences(r: Partial<StaffImportRow>, e: Existing | undefined): RowError[] {
  const register = registerShows(e);
  const file: Record<(typeof STAFF_MEMBERSHIP_KEYS)[number], string | null> = {
    memberStatus: r.memberStatus ? MEMBER_STATUS_LABEL_VI[r.memberStatus] : null,
    admittedOn: r.admittedOn ? shownDay(r.admittedOn) : null,
    decisionNumber: r.decisionNumber || null,
    leftOn: r.leftOn ? shownDay(r.leftOn) : null,
    leftReason: r.leftReason ? LEAVE_REASON_LABEL_VI[r.leftReason] : null,
    unionGroup: r.unionGroup || null,
  };
  return STAFF_MEMBERSHIP_KEYS.filter((k) => file[k] !== null && !sameText(file[k], register[k])).map((k) => ({
    column: STAFF_HEADINGS[k],
    message:
      `${STAFF_HEADINGS[k]} trong tệp là “${file[k]}”, sổ đoàn viên ghi “${register[k] || 'trống'}”: cột này chỉ để đối chiếu, ` +
      'việc kết nạp, ra khỏi tổ chức và tổ công đoàn được ghi trên trang Đoàn viên',
  }));
}

/**
 * The import of a CĐCS's staff list from XLSX or CSV (docs/architecture.md#grassroots-unions): the generic reader
 * (libs/core/src/imports, STAFF_IMPORT) gives typed rows and row errors; each row is then matched within the CĐCS —
 * by its person's code (the export's "Mã người lao động", the staff row's id) when it has one, else by citizen id —
 * and checked like addStaff (a matched person may lack a citizen id or birth date: none is kept): CREATE, UPDATE (the
 * fields that differ), UNCHANGED or REFUSED. The membership columns are compared with the register, never written: one
 * that differs refuses its row. A dry run writes nothing; `apply` writes the rows that are not refused, in one
 * transaction under the CĐCS's row lock, so the same file twice changes nothing the second time, and an export imports
 * back unchanged. The refused rows come back as a workbook with their reasons (refusedFile).
 */
@Injectable()
export class StaffImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async run(actor: Actor, input: { grassrootsUnionId: string; buffer: Buffer; apply: boolean }): Promise<StaffImportResult> {
    await grassrootsUnit(this.db.manager, actor, input.grassrootsUnionId, 'write');
    const read = await readTabular(input.buffer, STAFF_IMPORT);
    if (!read.ok) return { ok: false, errors: read.errors };
    return this.db.transaction(async (m) => {
      const unit = await grassrootsUnit(m, actor, input.grassrootsUnionId, 'write', true);
      const checked = await this.checkAll(m, unit.id, read.rows);
      const rows: StaffImportRowResult[] = [];
      for (const c of checked) {
        rows.push(c.result);
        if (input.apply && c.result.action === 'CREATE') await this.insert(m, unit.id, c.values as StaffValues);
        if (input.apply && c.result.action === 'UPDATE') await this.update(m, c.result.staffId!, c.values!, c.result.changedFields as Compared[]);
      }
      const count = (a: StaffImportAction) => rows.filter((r) => r.action === a).length;
      return {
        ok: true,
        applied: input.apply,
        totalRows: rows.length,
        toCreate: count('CREATE'),
        toUpdate: count('UPDATE'),
        unchanged: count('UNCHANGED'),
        refused: count('REFUSED'),
        rows,
      };
    });
  }

  /** The refused rows of the file with their reasons ("Lý do"), to correct and import again. */
  async refusedFile(
    actor: Actor,
    input: { grassrootsUnionId: string; buffer: Buffer },
  ): Promise<{ ok: true; body: Buffer } | { ok: false; errors: FileError[] }> {
    const unit = await grassrootsUnit(this.db.manager, actor, input.grassrootsUnionId, 'write');
    const read = await readTabular(input.buffer, STAFF_IMPORT);
    if (!read.ok) return read;
    const checked = await this.checkAll(this.db.manager, unit.id, read.rows);
    const refused = checked.filter((c) => c.result.action === 'REFUSED').map((c) => ({ ...c.row, errors: c.result.errors }));
    return { ok: true, body: await refusedRowsBuffer(STAFF_IMPORT, refused) };
  }

  /** Every row matched against the list and checked: its result and, unless refused, the values to write. */
  private async checkAll(
    m: EntityManager,
    unitId: string,
    fileRows: readonly ImportRow<StaffImportRow>[],
  ): Promise<{ row: ImportRow<StaffImportRow>; result: StaffImportRowResult; values: KnownStaffValues | null }[]> {
    const codes = fileRows.flatMap((r) => (r.values.staffCode ? [r.values.staffCode] : []));
    const ids = fileRows.flatMap((r) => (r.values.citizenId ? [citizenIdKey(r.values.citizenId)] : []));
    const existing: Existing[] = await m.query(
      `SELECT s.id, s.citizen_id AS "citizenId", s.full_name AS "fullName", to_char(s.birth_date, 'YYYY-MM-DD') AS "birthDate",
              s.birth_year AS "birthYear", s.sex, s.job, s.contract_kind AS "contractKind", s.phone,
              CASE WHEN m.id IS NULL THEN 'NOT_MEMBER' WHEN m.left_on IS NULL THEN 'MEMBER' ELSE 'LEFT' END AS status,
              (m.id IS NOT NULL AND m.left_on IS NULL) AS active,
              to_char(m.admitted_on, 'YYYY-MM-DD') AS "admittedOn", m.decision_number AS "decisionNumber",
              to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn", m.left_reason AS "leftReason", ${UNION_GROUP_SQL} AS "unionGroup"
         FROM ${MEMBER_VIEW_FROM}
        WHERE s.grassroots_union_id = $1 AND (s.id = ANY($2::uuid[]) OR s.citizen_id = ANY($3::text[]))`,
      [unitId, codes, ids],
    );
    const byStaffId = new Map(existing.map((e) => [e.id, e]));
    const byCitizenId = new Map(existing.filter((e) => e.citizenId).map((e) => [e.citizenId!, e]));
    // Open memberships elsewhere by citizen id: a person with an open membership here cannot take one of them.
    const openElsewhere = new Set<string>(
      (
        await m.query(`SELECT personal_id FROM member WHERE left_on IS NULL AND personal_id = ANY($1::text[]) AND grassroots_union_id <> $2`, [ids, unitId])
      ).map((r: { personal_id: string }) => r.personal_id),
    );
    const matchedAt = new Map<string, number>();
    const today = this.calendar.today();
    return fileRows.map((row) => {
      const refuse = (errors: RowError[], staffId: string | null = null) => ({
        row,
        values: null,
        result: {
          rowNumber: row.rowNumber,
          action: 'REFUSED' as const,
          fullName: row.values.fullName ?? null,
          citizenId: row.values.citizenId ? citizenIdKey(row.values.citizenId) : null,
          staffId,
          changedFields: [],
          errors,
        },
      });
      if (row.errors.length) return refuse(row.errors);
      const r = row.values as StaffImportRow;
      const cid = r.citizenId ? citizenIdKey(r.citizenId) : null;
      let old: Existing | undefined;
      if (r.staffCode) {
        old = byStaffId.get(r.staffCode);
        if (!old) return refuse([{ column: STAFF_HEADINGS.staffCode, message: 'Mã người lao động không có trong danh sách của CĐCS này' }]);
        const holder = cid ? byCitizenId.get(cid) : undefined;
        if (holder && holder.id !== old.id) {
          return refuse([{ column: STAFF_HEADINGS.citizenId, message: `Số CCCD ${cid} là của người khác trong danh sách (${holder.fullName})` }], old.id);
        }
      } else if (cid) old = byCitizenId.get(cid);
      if (old) {
        const first = matchedAt.get(old.id);
        if (first !== undefined) return refuse([{ column: null, message: `Cùng một người với dòng ${first}` }], old.id);
        matchedAt.set(old.id, row.rowNumber);
      } else if (!cid || !r.birthDate) {
        const errors: RowError[] = [];
        const newcomer = 'người chưa có trong danh sách cần';
        if (!cid)
          errors.push({
            column: STAFF_HEADINGS.citizenId,
            message: `Chưa nhập Số CCCD: ${newcomer} Số CCCD (người đã có được nhận ra theo Mã người lao động của tệp xuất)`,
          });
        if (!r.birthDate) errors.push({ column: STAFF_HEADINGS.birthDate, message: `Chưa nhập Ngày sinh: ${newcomer} Ngày sinh` });
        return refuse(errors);
      }
      const problems = new FieldProblems();
      const fields = { ...r, citizenId: r.citizenId ?? old?.citizenId ?? null, birthDate: r.birthDate ?? old?.birthDate ?? null };
      const values = old ? knownStaffValues(problems, fields, today, old.birthYear) : staffValues(problems, fields as StaffFields, today);
      const errors: RowError[] = problems.has()
        ? Object.entries(problems.error().details.messages as Record<string, string>).map(([field, message]) => ({
            column: HEADING_OF[field] ?? null,
            message,
          }))
        : [];
      if (old?.active && values.citizenId && values.citizenId !== old.citizenId && openElsewhere.has(values.citizenId)) {
        errors.push({ column: STAFF_HEADINGS.citizenId, message: 'Số CCCD này đang là đoàn viên ở một CĐCS khác' });
      }
      errors.push(...membershipDifferences(r, old));
      if (errors.length) return refuse(errors, old?.id ?? null);
      const changed = old ? COMPARED.filter((k) => r[k] !== null && values[k] !== null && !sameValue(k, values[k], old[k])) : [];
      const action: StaffImportAction = !old ? 'CREATE' : changed.length ? 'UPDATE' : 'UNCHANGED';
      return {
        row,
        values,
        result: {
          rowNumber: row.rowNumber,
          action,
          fullName: values.fullName,
          citizenId: values.citizenId,
          staffId: old?.id ?? null,
          changedFields: changed,
          errors: [],
        },
      };
    });
  }

  private async insert(m: EntityManager, unitId: string, v: StaffValues): Promise<void> {
    await m.query(
      `INSERT INTO grassroots_staff (grassroots_union_id, full_name, citizen_id, birth_date, birth_year, sex, job, contract_kind, contract_months, phone, nationality, is_manager, serving_sentence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [unitId, ...staffRowValues(v)],
    );
  }

  private async update(m: EntityManager, id: string, v: KnownStaffValues, changed: readonly Compared[]): Promise<void> {
    const column: Record<Compared, string> = {
      fullName: 'full_name',
      citizenId: 'citizen_id',
      birthDate: 'birth_date',
      sex: 'sex',
      job: 'job',
      contractKind: 'contract_kind',
      phone: 'phone',
    };
    const sets = changed.map((k, i) => `${column[k]} = $${i + 2}`);
    if (changed.includes('birthDate')) sets.push(`birth_year = ${Number(v.birthYear)}`);
    await m.query(`UPDATE grassroots_staff SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [id, ...changed.map((k) => v[k])]);
    // The register keeps the person's identity as the staff list has it.
    await m.query(
      `UPDATE member x SET full_name = s.full_name, personal_id = coalesce(s.citizen_id, x.personal_id), birth_year = s.birth_year,
              gender = CASE s.sex WHEN 'FEMALE' THEN 'Nữ' ELSE 'Nam' END
         FROM grassroots_staff s WHERE s.id = $1 AND x.staff_id = s.id AND x.left_on IS NULL`,
      [id],
    );
  }
}
