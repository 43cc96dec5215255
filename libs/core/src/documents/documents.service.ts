import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentKind, IsoDate, documentFileBase, isIsoDate } from '@app/domain';
import { Actor } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { ReportStatus } from '../common/statuses';
import { optionalText } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { isUuid } from '../identity/account-errors';
import { DocumentSource, checkedKind, loadSource } from './document-sources';
import { issueInTransaction } from './document-register';

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

  /** Takes the next number of the issuing unit's register and writes the document QUEUED (`issueInTransaction`). */
  async issue(actor: Actor, input: IssueDocument): Promise<DocumentView> {
    const kind = checkedKind(input.kind);
    const problems: Record<string, string> = {};
    const today = this.calendar.today();
    const issuedOn = input.issuedOn;
    if (issuedOn !== null && issuedOn !== undefined) {
      if (!isIsoDate(issuedOn)) problems.issuedOn = RULE.realDay('issuedOn');
      else if (issuedOn > today) problems.issuedOn = RULE.notAfterToday('issuedOn', today);
    }
    const texts = {
      difficulties: optionalText('difficulties', input.difficulties, MAX_TEXT, problems),
      proposals: optionalText('proposals', input.proposals, MAX_TEXT, problems),
    };
    if (Object.keys(problems).length) throw badInput(problems);
    const id = await this.db.transaction((m) =>
      issueInTransaction(m, actor, { kind, sourceId: input.sourceId, issuedOn: input.issuedOn ?? null, texts, today }),
    );
    return this.view(this.db.manager, id);
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
