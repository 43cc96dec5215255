import { Injectable } from '@nestjs/common';
import { ReadDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor';
import { viOrder } from '../common/vietnamese-order';
import { STAFF_IMPORT, StaffImportRow, importWorkbookBuffer } from '../imports';
import { grassrootsUnit } from './grassroots-scope';
import { MEMBER_VIEW_COLUMNS, MEMBER_VIEW_FROM, MemberView, UNION_GROUP_SQL } from './member-row';

/** A file name without diacritics or spaces, for clients that cannot read RFC 5987 names. */
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/**
 * A CĐCS's staff list as an XLSX with the staff import's headings (STAFF_IMPORT), so that the file imports back
 * unchanged (docs/architecture.md#grassroots-unions): every person in Vietnamese name order, with its membership (the
 * columns the import compares and never writes) and its code (the staff row's id: how the import finds a person
 * without a citizen id), as the caller may read it.
 */
@Injectable()
export class MembersExportService {
  constructor(private readonly reads: ReadDb) {}

  /** An export may lag a few seconds: on the read replica when there is one (docs/architecture.md#read-replica). */
  exportWorkbook(actor: Actor, grassrootsUnionId: string): Promise<{ body: Buffer; rows: number; filename: string; asciiFilename: string }> {
    return this.reads.read(actor.userId, (db) => this.exportOn(db, actor, grassrootsUnionId));
  }

  private async exportOn(
    db: DataSource,
    actor: Actor,
    grassrootsUnionId: string,
  ): Promise<{ body: Buffer; rows: number; filename: string; asciiFilename: string }> {
    const unit = await grassrootsUnit(db.manager, actor, grassrootsUnionId, 'read');
    const rows: (MemberView & { unionGroup: string | null })[] = await db.query(
      `SELECT ${MEMBER_VIEW_COLUMNS}, ${UNION_GROUP_SQL} AS "unionGroup"
         FROM ${MEMBER_VIEW_FROM} WHERE s.grassroots_union_id = $1 ORDER BY ${viOrder('s.full_name')}, s.id`,
      [unit.id],
    );
    const out: Partial<StaffImportRow>[] = rows.map((r) => ({
      fullName: r.fullName,
      citizenId: r.citizenId,
      birthDate: r.birthDate,
      sex: r.sex,
      job: r.job,
      contractKind: r.contractKind,
      phone: r.phone,
      memberStatus: r.status,
      admittedOn: r.admittedOn,
      decisionNumber: r.decisionNumber,
      leftOn: r.leftOn,
      leftReason: r.leftReason,
      unionGroup: r.unionGroup,
      staffCode: r.id,
    }));
    const body = await importWorkbookBuffer(STAFF_IMPORT, out, { sheetName: 'Danh sách người lao động' });
    return {
      body,
      rows: rows.length,
      filename: `Danh sách người lao động - ${unit.name}.xlsx`,
      asciiFilename: `danh-sach-nguoi-lao-dong-${ascii(unit.name)}.xlsx`,
    };
  }
}
