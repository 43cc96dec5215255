import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_KIND_SYMBOL, DocumentKind, IsoDate, documentFileBase, documentNumberLabel, isIsoDate } from '@app/domain';
import { JobName } from '@app/queue';
import { Actor } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound } from '../common/app-error';
import { RULE, dayMonthYear } from '../common/messages-vi';
import { ReportStatus } from '../common/statuses';
import { optionalText } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { isUuid } from '../identity/account-errors';
import { writeOutbox } from '../outbox/outbox.writer';
import { DocumentSource, checkReady, checkedKind, loadSource } from './document-sources';
import { effectiveSettings } from './document-settings';

export interface IssueDocument {
  kind: DocumentKind;
  sourceId: string;
  issuedOn?: IsoDate | null;
  difficulties?: string | null;
  proposals?: string | null;
}

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  orgUnitId: string;
  sourceId: string;
  year: number;
  number: number;
  numberLabel: string;
  issuedOn: IsoDate;
  title: string;
  status: ReportStatus;
  error: string | null;
  hasPdf: boolean;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: Date;
  builtAt: Date | null;
}

export type DocumentFileKind = 'docx' | 'pdf';

export interface DocumentFile {
  body: Buffer;
  contentType: string;
  filename: string;
  asciiFilename: string;
}

const CONTENT_TYPE: Record<DocumentFileKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const MAX_TEXT = 5000;
const VIEW = `d.id, d.kind, d.org_unit_id AS "orgUnitId", d.source_id AS "sourceId", d.year, d.number, d.number_label AS "numberLabel",
  d.issued_on AS "issuedOn", d.title, d.status, d.error, d.pdf IS NOT NULL AS "hasPdf", d.cancelled_at AS "cancelledAt", d.cancel_reason AS "cancelReason",
  d.created_by AS "createdBy", d.created_at AS "createdAt", d.built_at AS "builtAt"`;

/** Issue, cancel, list and download official documents; the worker's DocumentBuilderService renders them. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * Takes the next number of the issuing unit's register (year, type symbol) and writes the document QUEUED with
   * its build job, in one transaction: the register row is locked by the UPDATE until commit, so concurrent issues
   * take consecutive numbers, and a refused or failed issue rolls its number back (no gaps).
   */
  async issue(actor: Actor, input: IssueDocument): Promise<DocumentView> {
    const kind = checkedKind(input.kind);
    const problems: Record<string, string> = {};
    const today = this.calendar.today();
    const issuedOn = input.issuedOn ?? today;
    if (!isIsoDate(issuedOn)) problems.issuedOn = RULE.realDay('issuedOn');
    else if (issuedOn > today) problems.issuedOn = RULE.notAfterToday('issuedOn', today);
    const texts = {
      difficulties: optionalText('difficulties', input.difficulties, MAX_TEXT, problems),
      proposals: optionalText('proposals', input.proposals, MAX_TEXT, problems),
    };
    if (Object.keys(problems).length) throw badInput(problems);
    return this.db.transaction(async (m) => {
      const source = await loadSource(m, kind, input.sourceId, actor);
      if (!source.mayIssue(actor)) throw forbidden('Bạn không có quyền ban hành văn bản này');
      checkReady(source);
      if (source.notBefore && issuedOn < source.notBefore) throw badInput({ issuedOn: RULE.notBefore('issuedOn', source.notBefore) });
      const { settings } = await effectiveSettings(m, source.unit.id);
      if (!settings.signerName) throw conflict('Đơn vị chưa khai báo họ tên người ký văn bản; quản trị viên cần cập nhật cài đặt văn bản của đơn vị');
      const symbol = DOCUMENT_KIND_SYMBOL[kind];
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
        throw badInput({ issuedOn: `Ngày ban hành không được trước ngày của văn bản đã vào sổ gần nhất (${dayMonthYear(latest.day)})` });
      }
      const label = documentNumberLabel(number, kind, settings.shortName);
      const [row] = await m.query(
        `INSERT INTO official_document (kind, org_unit_id, source_id, year, kind_symbol, number, number_label, issued_on, title, settings, texts, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '${ReportStatus.QUEUED}', $12) RETURNING id`,
        [kind, source.unit.id, source.id, year, symbol, number, label, issuedOn, source.title, JSON.stringify(settings), JSON.stringify(texts), actor.userId],
      );
      await writeOutbox(m, JobName.BUILD_DOCUMENT, { documentId: row.id });
      return this.view(m, row.id);
    });
  }

  /** Marks a document cancelled; it keeps its number (the register has no gaps) and its files. */
  async cancel(actor: Actor, input: { id: string; reason: string }): Promise<DocumentView> {
    const reason = typeof input.reason === 'string' ? input.reason.normalize('NFC').trim() : '';
    if (!reason) throw badInput({ reason: RULE.notEmpty('reason') });
    if (reason.length > MAX_TEXT) throw badInput({ reason: RULE.tooLong('reason', MAX_TEXT) });
    return this.db.transaction(async (m) => {
      const doc = await this.visible(m, actor, input.id, true);
      const source = await loadSource(m, doc.kind, doc.sourceId, null);
      if (!source.mayIssue(actor)) throw forbidden('Bạn không có quyền hủy văn bản này');
      if (doc.cancelledAt) throw conflict(`Văn bản số ${doc.numberLabel} đã bị hủy trước đó`);
      await m.query(`UPDATE official_document SET cancelled_at = now(), cancelled_by = $2, cancel_reason = $3 WHERE id = $1`, [doc.id, actor.userId, reason]);
      return this.view(m, doc.id);
    });
  }

  async get(actor: Actor, id: string): Promise<DocumentView | null> {
    try {
      return await this.visible(this.db.manager, actor, id);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.NOT_FOUND) return null;
      throw e;
    }
  }

  /** The documents issued from a source (newest first), when the caller may read the source. */
  async list(actor: Actor, kind: DocumentKind, sourceId: string): Promise<DocumentView[]> {
    const source = await loadSource(this.db.manager, checkedKind(kind), sourceId, actor);
    return this.db.query(`SELECT ${VIEW} FROM official_document d WHERE d.source_id = $1 AND d.kind = $2 ORDER BY d.year DESC, d.number DESC`, [
      source.id,
      source.kind,
    ]);
  }

  async file(actor: Actor, id: string, kind: DocumentFileKind): Promise<DocumentFile> {
    const doc = await this.visible(this.db.manager, actor, id);
    const [row] = await this.db.query(`SELECT ${kind === 'docx' ? 'docx' : 'pdf'} AS body FROM official_document WHERE id = $1`, [doc.id]);
    if (doc.status !== ReportStatus.READY || !row?.body) {
      throw new AppError(
        ErrorCode.CONFLICT,
        doc.status === ReportStatus.READY ? 'Văn bản chưa có bản PDF (máy chủ chưa cài LibreOffice)' : 'Văn bản đang được tạo; hãy tải lại sau ít giây',
        { status: doc.status },
      );
    }
    const base = documentFileBase(doc.title, doc.numberLabel);
    return { body: row.body, contentType: CONTENT_TYPE[kind], filename: `${base}.${kind}`, asciiFilename: `${base}.${kind}` };
  }

  /** A document whose source the caller may read, else NOT_FOUND. */
  private async visible(m: EntityManager, actor: Actor, id: string, lock = false): Promise<DocumentView> {
    const [doc] = isUuid(id) ? await m.query(`SELECT ${VIEW} FROM official_document d WHERE d.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]) : [];
    if (!doc) throw notFound('document');
    let source: DocumentSource;
    try {
      source = await loadSource(m, doc.kind, doc.sourceId, actor);
    } catch {
      throw notFound('document');
    }
    if (!source) throw notFound('document');
    return doc;
  }

  private async view(m: EntityManager, id: string): Promise<DocumentView> {
    const [row] = await m.query(`SELECT ${VIEW} FROM official_document d WHERE d.id = $1`, [id]);
    return row;
  }
}
