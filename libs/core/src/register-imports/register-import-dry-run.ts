import { Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { IsoDate } from '@app/domain';
import { Actor } from '../common/actor';
import { connectionOf } from '../common/prepared-sql';
import { copyField, copyFromStdin, copyTextArray } from '../common/copy-from-stdin';
import { ENTERPRISE_IMPORT, EnterpriseImportRow, FileError, FileErrorCode, ImportRefusal, ImportRow, openTabular } from '../imports';
import { ClassifiedRow, ImportRowAction, RegisterImportStatus, RegisterSnapshot, classifyRow } from './register-fields';
import { DryRunResult } from './register-import.types';

/** Rows classified and stored at a time: memory stays bounded by a chunk, whatever the file's length. */
export const DRY_RUN_CHUNK_ROWS = 5_000;

const CORRUPT: FileError = { code: FileErrorCode.CORRUPT, message: 'Không đọc được tệp: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx' };
const ROW_COLUMNS = 'import_id, row_number, action, tax_code, name, enterprise_id, "values", before, raw, changed_fields, errors';
const logger = new Logger('RegisterImports');

export interface DryRunTarget {
  actor: Actor;
  orgUnitId: string;
  kind: string;
  fileName: string;
  buffer: Buffer;
  /** An existing enterprise the caller may update. */
  canUpdate: (e: RegisterSnapshot) => boolean;
  /** Vietnam's today: the latest day a row may give (as the register's form). */
  today: IsoDate;
}

/** The file could not be read to its end: the transaction is rolled back and the refusal answered. */
class Refused extends Error {
  constructor(readonly errors: FileError[]) {
    super('refused');
  }
}

/**
 * The dry run's reading and storing, streamed: the file's rows are read, compared with the register (one query
 * per chunk for its tax codes) and stored with COPY, chunk by chunk, in one transaction with the import row; its
 * counts are set at the end. A file refused as a whole, even on its last row, stores nothing.
 */
export async function runDryRun(db: DataSource, t: DryRunTarget): Promise<DryRunResult> {
  let opened: Awaited<ReturnType<typeof openTabular<EnterpriseImportRow>>>;
  try {
    opened = await openTabular(t.buffer, ENTERPRISE_IMPORT);
  } catch (e) {
    return { ok: false, errors: [unreadable(t.buffer, e)] };
  }
  if (!opened.ok) return opened;
  const { source, rows } = opened;
  try {
    return await db.transaction(async (m) => {
      const sha256 = createHash('sha256').update(t.buffer).digest('hex');
      const [imp] = await m.query(
        `INSERT INTO register_import (kind, org_unit_id, file_name, file_sha256, sheet_name, status, total_rows, to_create, to_update, unchanged, refused, created_by)
         VALUES ($1, $2, $3, $4, $5, '${RegisterImportStatus.VALIDATED}', 0, 0, 0, 0, 0, $6) RETURNING id`,
        [t.kind, t.orgUnitId, t.fileName, sha256, source.sheetName?.slice(0, 100) ?? null, t.actor.userId],
      );
      const counts = { totalRows: 0, toCreate: 0, toUpdate: 0, unchanged: 0, refused: 0 };
      const key: Record<ImportRowAction, keyof typeof counts> = { CREATE: 'toCreate', UPDATE: 'toUpdate', UNCHANGED: 'unchanged', REFUSED: 'refused' };
      for await (const chunk of chunksOf(rows, t.buffer)) {
        const classified = await classify(m, chunk, t.canUpdate, t.today);
        for (const r of classified) counts[key[r.action]]++;
        counts.totalRows += classified.length;
        await copyRows(m, imp.id, classified);
      }
      await m.query(`UPDATE register_import SET total_rows = $2, to_create = $3, to_update = $4, unchanged = $5, refused = $6 WHERE id = $1`, [
        imp.id,
        counts.totalRows,
        counts.toCreate,
        counts.toUpdate,
        counts.unchanged,
        counts.refused,
      ]);
      return {
        ok: true as const,
        summary: {
          id: imp.id as string,
          status: RegisterImportStatus.VALIDATED,
          ...counts,
          sheetName: source.sheetName,
          skippedHiddenSheets: source.skippedHiddenSheets,
          ignoredHeadings: source.ignoredHeadings,
        },
      };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, errors: e.errors };
    throw e;
  } finally {
    await rows.return(undefined).catch(() => undefined);
  }
}

/** The machinery refuses bad files itself; anything it did not foresee is a refusal too, never a server error. */
function unreadable(buffer: Buffer, e: unknown): FileError {
  if (e instanceof ImportRefusal) return e.error;
  logger.warn(`unreadable upload (${buffer.length} bytes): ${(e as Error)?.message ?? e}`);
  return CORRUPT;
}

/** The rows in chunks; a failure of the reader (not of the database) becomes Refused. */
async function* chunksOf(rows: AsyncGenerator<ImportRow<EnterpriseImportRow>>, buffer: Buffer): AsyncGenerator<ImportRow<EnterpriseImportRow>[]> {
  let chunk: ImportRow<EnterpriseImportRow>[] = [];
  for (;;) {
    let next: IteratorResult<ImportRow<EnterpriseImportRow>>;
    try {
      next = await rows.next();
    } catch (e) {
      throw new Refused([unreadable(buffer, e)]);
    }
    if (next.done) break;
    chunk.push(next.value);
    if (chunk.length >= DRY_RUN_CHUNK_ROWS) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** Every row of a chunk against the register: one query for its tax codes. */
async function classify(
  m: EntityManager,
  rows: ImportRow<EnterpriseImportRow>[],
  canUpdate: (e: RegisterSnapshot) => boolean,
  today: IsoDate,
): Promise<ClassifiedRow[]> {
  const codes = [...new Set(rows.map((r) => r.values.taxCode).filter((c): c is string => typeof c === 'string'))];
  const existing: RegisterSnapshot[] = codes.length
    ? await m.query(
        `SELECT e.id, e.tax_code AS "taxCode", e.org_unit_id AS "orgUnitId", o.path AS "unitPath", e.name, e.worker_count AS "workerCount",
                e.address, e.district, e.sector, e.ownership, e.has_union AS "hasUnion", e.surveyed_on AS "surveyedOn",
                e.funding_type AS "fundingType", e.funding_type_from AS "fundingTypeFrom"
           FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.tax_code = ANY($1::text[])`,
        [codes],
      )
    : [];
  const byCode = new Map(existing.map((e) => [e.taxCode, e]));
  return rows.map((r) => classifyRow(r, r.values.taxCode ? byCode.get(r.values.taxCode) : undefined, canUpdate, today));
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

async function copyRows(m: EntityManager, importId: string, rows: ClassifiedRow[]): Promise<void> {
  const lines = rows.map(
    (r) =>
      [
        importId,
        r.rowNumber,
        r.action,
        copyField(r.taxCode),
        copyField(r.name),
        // A CREATE row carries the id its enterprise will get: the worker inserts under it and finds the row's enterprise by primary key.
        copyField(r.enterpriseId ?? (r.action === ImportRowAction.CREATE ? randomUUID() : null)),
        copyField(json(r.values)),
        copyField(json(r.before)),
        copyField(json(r.raw)),
        copyField(copyTextArray(r.changedFields)),
        copyField(JSON.stringify(r.errors)),
      ].join('\t') + '\n',
  );
  await copyFromStdin(await connectionOf(m), `COPY register_import_row (${ROW_COLUMNS}) FROM STDIN`, lines);
}
