import { Injectable } from '@nestjs/common';
import { ReadDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { LabourContractKind, Sex } from '@app/domain';
import { Actor } from '../common/actor';
import { STAFF_IMPORT, StaffImportRow, importWorkbookBuffer } from '../imports';
import { grassrootsUnit } from './grassroots-scope';

interface StaffDbRow {
  fullName: string;
  citizenId: string | null;
  birthDate: string | null;
  sex: Sex;
  job: string | null;
  contractKind: LabourContractKind | null;
  phone: string | null;
}

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
 * unchanged (docs/architecture.md#grassroots-unions): every person, ordered by name, as the caller may read it.
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
    const rows: StaffDbRow[] = await db.query(
      `SELECT full_name AS "fullName", citizen_id AS "citizenId", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex, job,
              contract_kind AS "contractKind", phone
         FROM grassroots_staff WHERE grassroots_union_id = $1 ORDER BY full_name, id`,
      [unit.id],
    );
    const out: Partial<StaffImportRow>[] = rows.map((r) => ({
      fullName: r.fullName,
      citizenId: r.citizenId ?? undefined,
      birthDate: r.birthDate ?? undefined,
      sex: r.sex,
      job: r.job,
      contractKind: r.contractKind,
      phone: r.phone,
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
