import { EntityManager } from 'typeorm';
import { DOCUMENT_KIND_SYMBOL, DocumentKind, IsoDate, documentNumberLabel } from '@app/domain';
import { JobName } from '@app/queue';
import { Actor } from '../common/actor';
import { badInput, conflict, forbidden } from '../common/app-error';
import { RULE, dayMonthYear, fieldLabel } from '../common/messages-vi';
import { isUniqueViolation } from '../common/pg-errors';
import { ReportStatus } from '../common/statuses';
import { isUuid } from '../identity/account-errors';
import { writeOutbox } from '../outbox/outbox.writer';
import { DocumentSource, checkReady, loadSource } from './document-sources';
import { effectiveSettings } from './document-settings';

export interface IssueArgs {
  kind: DocumentKind;
  sourceId: string;
  /** Null: the source's fixed day, else today. */
  issuedOn: IsoDate | null;
  texts: Record<string, string | null>;
  today: IsoDate;
  /** The field a refused day is reported on ("decidedOn" when an admission takes its number at once). */
  dayField?: string;
  /** False when the record's number is a placeholder written just before (nothing typed to keep). */
  keepTyped?: boolean;
}

// The sources with one live document (the records that take their document's number, and a case's recognition
// decision) are locked first, so two issues for one source queue and the second sees the first's document.
const ONE_LIVE_TABLE: Partial<Record<DocumentKind, string>> = {
  [DocumentKind.ADMISSION_DECISION]: 'admission_decision',
  [DocumentKind.PLAN]: 'work_plan',
  [DocumentKind.RECOGNITION_DECISION]: 'founding_case',
};
// The database's backstop for a case's one live recognition decision (migration …800).
const LIVE_RECOGNITION_INDEX = 'UQ_official_document_live_recognition';

/**
 * Issues a document inside the caller's transaction and returns its id. Takes the next number of the issuing unit's
 * register (year, type symbol) and writes the document QUEUED with its build job: the register row is locked by the
 * UPDATE until commit, so concurrent issues take consecutive numbers, and a refused or failed issue rolls its number
 * back (no gaps). A source with a record (admission batch, plan version) gets the document's number (docs/architecture.md#official-documents).
 */
export async function issueInTransaction(m: EntityManager, actor: Actor, a: IssueArgs): Promise<string> {
  const dayField = a.dayField ?? 'issuedOn';
  const table = ONE_LIVE_TABLE[a.kind];
  if (table && isUuid(a.sourceId)) await m.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [a.sourceId]);
  const source = await loadSource(m, a.kind, a.sourceId, actor);
  if (!source.mayIssue(actor)) throw forbidden('Bạn không có quyền ban hành văn bản này');
  checkReady(source);
  const issuedOn = a.issuedOn ?? source.fixedDay ?? a.today;
  if (source.fixedDay && issuedOn !== source.fixedDay) {
    throw badInput({ [dayField]: `Quyết định kết nạp mang ngày của đợt kết nạp (${dayMonthYear(source.fixedDay)}), là ngày kết nạp của các đoàn viên` });
  }
  if (source.notBefore && issuedOn < source.notBefore) throw badInput({ [dayField]: RULE.notBefore(dayField, source.notBefore) });
  if (table) await refuseSecondLive(m, source);
  const { settings: unitSettings } = await effectiveSettings(m, source.unit.id);
  const settings = { ...unitSettings, signerName: unitSettings.signerName || source.signer || '' };
  if (!settings.signerName) throw conflict('Đơn vị chưa khai báo họ tên người ký văn bản; quản trị viên cần cập nhật cài đặt văn bản của đơn vị');
  const symbol = DOCUMENT_KIND_SYMBOL[a.kind];
  const year = Number(issuedOn.slice(0, 4));
  const [{ last_number: number }] = await m.query(
    `INSERT INTO document_number (org_unit_id, year, kind_symbol, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (org_unit_id, year, kind_symbol) DO UPDATE SET last_number = document_number.last_number + 1 RETURNING last_number`,
    [source.unit.id, year, symbol],
  );
  // Numbers follow the days: a document may not carry a day before one already in the register.
  const [latest] = await m.query(`SELECT max(issued_on) AS day FROM official_document WHERE org_unit_id = $1 AND year = $2 AND kind_symbol = $3`, [
    source.unit.id,
    year,
    symbol,
  ]);
  if (latest?.day && issuedOn < latest.day) {
    // Named as the form names the field ("Ngày quyết định" when an admission takes its number at once).
    throw badInput({ [dayField]: `${fieldLabel(dayField)} không được trước ngày của văn bản đã vào sổ gần nhất (${dayMonthYear(latest.day)})` });
  }
  const label = documentNumberLabel(number, a.kind, settings.shortName);
  let row: { id: string };
  try {
    [row] = await m.query(
      `INSERT INTO official_document (kind, org_unit_id, source_id, year, kind_symbol, number, number_label, issued_on, title, settings, texts, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '${ReportStatus.QUEUED}', $12) RETURNING id`,
      [a.kind, source.unit.id, source.id, year, symbol, number, label, issuedOn, source.title, JSON.stringify(settings), JSON.stringify(a.texts), actor.userId],
    );
  } catch (e) {
    // Only a write outside this path (the case's row not locked) gets here; the transaction rolls the number back.
    if (isUniqueViolation(e, LIVE_RECOGNITION_INDEX)) throw conflict(secondLiveMessage(source, null), { reason: 'LIVE_DOCUMENT' });
    throw e;
  }
  if (source.record) await recordNumber(m, source, label, issuedOn, a.keepTyped !== false);
  await writeOutbox(m, JobName.BUILD_DOCUMENT, { documentId: row.id });
  return row.id;
}

/**
 * A record, or a case's recognition, has one live document: another is issued only after that one is cancelled.
 * Checked before the number is taken, so a refusal uses none.
 */
async function refuseSecondLive(m: EntityManager, source: DocumentSource): Promise<void> {
  const [live] = await m.query(`SELECT number_label FROM official_document WHERE source_id = $1 AND kind = $2 AND cancelled_at IS NULL LIMIT 1`, [
    source.id,
    source.kind,
  ]);
  if (live) throw conflict(secondLiveMessage(source, live.number_label), { reason: 'LIVE_DOCUMENT' });
}

/** The refusal, naming the live document by its number when known. */
function secondLiveMessage(source: DocumentSource, liveLabel: string | null): string {
  if (source.secondLive) return source.secondLive(liveLabel);
  const live = liveLabel ? `văn bản số ${liveLabel}` : 'một văn bản còn hiệu lực';
  return `${source.record?.what ?? 'Nguồn này'} đã có ${live}; hủy văn bản đó trước khi ban hành văn bản mới`;
}

/**
 * The record takes the document's number (a plan its day too); a number typed by hand before is kept in
 * `typed_number`. An admission's members and applications carry the decision's number as well.
 */
async function recordNumber(m: EntityManager, source: DocumentSource, label: string, day: IsoDate, keepTyped: boolean): Promise<void> {
  const r = source.record!;
  const typed = keepTyped && r.typedNumber === null ? r.number : r.typedNumber;
  // A number an earlier (cancelled) document gave is not a typed one.
  const [earlier] = await m.query(`SELECT 1 FROM official_document WHERE source_id = $1 AND kind = $2 AND number_label = $3`, [
    source.id,
    source.kind,
    r.number,
  ]);
  const keep = earlier ? r.typedNumber : typed;
  try {
    await m.query(`UPDATE ${r.table} SET number = $2, typed_number = $3 ${r.dayColumn ? `, ${r.dayColumn} = $4` : ''} WHERE id = $1`, [
      source.id,
      label,
      keep,
      ...(r.dayColumn ? [day] : []),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, 'UQ_admission_decision_number')) {
      throw conflict(`Số ${label} đã được ghi tay cho một đợt kết nạp khác của công đoàn cơ sở; không thể cấp trùng số`, { reason: 'NUMBER_TAKEN' });
    }
    throw e;
  }
  if (r.table === 'admission_decision') {
    await m.query(`UPDATE member SET decision_number = $2 WHERE admission_decision_id = $1`, [source.id, label]);
    await m.query(
      `UPDATE membership_application SET decision_number = $2 WHERE id IN (SELECT application_id FROM member WHERE admission_decision_id = $1 AND application_id IS NOT NULL)`,
      [source.id, label],
    );
  }
}
