import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/actor';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems } from '../common/field-problems';
import { FileError, ImportRow, RowError, STAFF_HEADINGS, STAFF_IMPORT, StaffImportRow, readTabular, refusedRowsBuffer } from '../imports';
import { grassrootsUnit } from './grassroots-scope';
import { StaffValues, staffValues } from './staff-input';
import { staffRowValues } from './staff.service';

export type StaffImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED';

export interface StaffImportRowResult {
  rowNumber: number;
  action: StaffImportAction;
  fullName: string | null;
  citizenId: string | null;
  /** For UPDATE: the fields the file changes. */
  changedFields: string[];
  errors: RowError[];
}

export type StaffImportResult =
  | { ok: true; applied: boolean; totalRows: number; toCreate: number; toUpdate: number; unchanged: number; refused: number; rows: StaffImportRowResult[] }
  | { ok: false; errors: FileError[] };

/** Columns an imported row sets; an empty optional cell keeps what the list has. */
const COMPARED = ['fullName', 'birthDate', 'sex', 'job', 'contractKind', 'phone'] as const;
type Compared = (typeof COMPARED)[number];
const HEADING_OF: Record<string, string> = STAFF_HEADINGS;

interface Existing extends Record<Compared, string | null> {
  id: string;
  citizenId: string;
}

/**
 * The import of a CĐCS's staff list from XLSX or CSV (docs/architecture.md#grassroots-unions): the generic reader
 * (libs/core/src/imports, STAFF_IMPORT) gives typed rows and row errors; each row is then checked like addStaff and
 * matched by citizen id within the CĐCS: CREATE, UPDATE (the fields that differ), UNCHANGED or REFUSED. A dry run
 * writes nothing; `apply` writes the rows that are not refused, in one transaction, so the same file twice changes
 * nothing the second time. The refused rows come back as a workbook with their reasons (refusedFile).
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
      const checked = read.rows.map((row) => this.check(row));
      const ids = checked.flatMap((c) => (c.values ? [c.values.citizenId] : []));
      const existing: Existing[] = await m.query(
        `SELECT id, citizen_id AS "citizenId", full_name AS "fullName", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex, job,
                contract_kind AS "contractKind", phone
           FROM grassroots_staff WHERE grassroots_union_id = $1 AND citizen_id = ANY($2::text[])`,
        [unit.id, ids],
      );
      const byId = new Map(existing.map((e) => [e.citizenId, e]));
      const rows: StaffImportRowResult[] = [];
      for (const c of checked) {
        const v = c.values;
        if (!v) {
          rows.push({
            rowNumber: c.row.rowNumber,
            action: 'REFUSED',
            fullName: c.row.values.fullName ?? null,
            citizenId: null,
            changedFields: [],
            errors: c.errors,
          });
          continue;
        }
        const old = byId.get(v.citizenId);
        const changed = old ? COMPARED.filter((k) => v[k] !== null && v[k] !== old[k]) : [];
        const action: StaffImportAction = !old ? 'CREATE' : changed.length ? 'UPDATE' : 'UNCHANGED';
        rows.push({ rowNumber: c.row.rowNumber, action, fullName: v.fullName, citizenId: v.citizenId, changedFields: changed, errors: [] });
        if (input.apply && action === 'CREATE') await this.insert(m, unit.id, v);
        if (input.apply && action === 'UPDATE') await this.update(m, old!.id, v, changed);
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
    await grassrootsUnit(this.db.manager, actor, input.grassrootsUnionId, 'write');
    const read = await readTabular(input.buffer, STAFF_IMPORT);
    if (!read.ok) return read;
    const refused = read.rows.map((row) => ({ ...row, errors: this.check(row).errors })).filter((r) => r.errors.length);
    return { ok: true, body: await refusedRowsBuffer(STAFF_IMPORT, refused) };
  }

  /** A row's values as addStaff would store them, or its errors (the reader's, then the staff list's checks). */
  private check(row: ImportRow<StaffImportRow>): { row: ImportRow<StaffImportRow>; values: StaffValues | null; errors: RowError[] } {
    if (row.errors.length) return { row, values: null, errors: row.errors };
    const r = row.values as StaffImportRow;
    const problems = new FieldProblems();
    const values = staffValues(problems, { ...r, citizenId: r.citizenId }, this.calendar.today());
    if (!problems.has()) return { row, values, errors: [] };
    const messages = problems.error().details.messages as Record<string, string>;
    return { row, values: null, errors: Object.entries(messages).map(([field, message]) => ({ column: HEADING_OF[field] ?? null, message })) };
  }

  private async insert(m: EntityManager, unitId: string, v: StaffValues): Promise<void> {
    await m.query(
      `INSERT INTO grassroots_staff (grassroots_union_id, full_name, citizen_id, birth_date, birth_year, sex, job, contract_kind, contract_months, phone, nationality, is_manager, serving_sentence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [unitId, ...staffRowValues(v)],
    );
  }

  private async update(m: EntityManager, id: string, v: StaffValues, changed: readonly Compared[]): Promise<void> {
    const column: Record<Compared, string> = {
      fullName: 'full_name',
      birthDate: 'birth_date',
      sex: 'sex',
      job: 'job',
      contractKind: 'contract_kind',
      phone: 'phone',
    };
    const sets = changed.map((k, i) => `${column[k]} = $${i + 2}`);
    if (changed.includes('birthDate')) sets.push(`birth_year = ${v.birthYear}`);
    await m.query(`UPDATE grassroots_staff SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [id, ...changed.map((k) => v[k])]);
    // The register keeps the person's identity as the staff list has it.
    await m.query(
      `UPDATE member x SET full_name = s.full_name, birth_year = s.birth_year, gender = CASE s.sex WHEN 'FEMALE' THEN 'Nữ' ELSE 'Nam' END
         FROM grassroots_staff s WHERE s.id = $1 AND x.staff_id = s.id AND x.left_on IS NULL`,
      [id],
    );
  }
}
