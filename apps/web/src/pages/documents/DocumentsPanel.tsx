import { useEffect, useState } from 'react';
import { downloadWithToken, gql } from '../../api';
import { fmtDate } from '../../i18n';
import { DOCUMENTS, type DocumentKind, type DocumentRow } from '../../queries-documents';
import { ErrorBox, Notice } from '../../ui/errors';
import { ActionForm, useForm } from '../../ui/forms';
import { TextArea } from '../../ui/fields';
import { useAction } from '../../ui/use-action';
import { useAsync } from '../../ui/use-async';
import { CancelDocument } from './CancelDocument';

// The panel's heading and its button per kind.
const LABELS: Record<DocumentKind, { heading: string; issue: string }> = {
  RECOGNITION_DECISION: { heading: 'Quyết định', issue: 'Tạo quyết định' },
  ADMISSION_DECISION: { heading: 'Quyết định', issue: 'Tạo quyết định' },
  PERIOD_REPORT: { heading: 'Văn bản báo cáo', issue: 'Tạo báo cáo' },
  PLAN: { heading: 'Văn bản kế hoạch', issue: 'Tạo văn bản' },
  REVIEW_CONCLUSION: { heading: 'Thông báo kết luận giao ban', issue: 'Tạo văn bản' },
};

// The sources with one live document at a time: no second issue is offered until that one is cancelled.
const ONE_LIVE: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['RECOGNITION_DECISION', 'ADMISSION_DECISION', 'PLAN']);

/**
 * The official documents of a source (a recognized case, a built report, a plan version, a held meeting): "Tạo quyết
 * định" / "Tạo báo cáo" / "Tạo văn bản" for who may issue, and the issued ones with their numbers and downloads
 * (docs/architecture.md#official-documents). A case's decision, an admission batch and a plan version have one live
 * document: while it stands, the panel names it instead of offering another, and "Hủy văn bản" lets a wrong one be
 * replaced. `onIssued`: the source's page reloads (a plan takes the number).
 */
export function DocumentsPanel({ kind, sourceId, canIssue, onIssued }: { kind: DocumentKind; sourceId: string; canIssue: boolean; onIssued?: () => void }) {
  const list = useAsync(async () => (await gql(DOCUMENTS.list, { k: kind, s: sourceId })).documents, [kind, sourceId]);
  const docs = list.data ?? [];
  const building = docs.some((d) => d.status === 'QUEUED' || d.status === 'RUNNING');
  const live = ONE_LIVE.has(kind) ? docs.find((d) => !d.cancelledAt) : undefined;
  // Shown by the panel, not the form: the form goes away once the source's one live document is issued.
  const [notice, setNotice] = useState<string | null>(null);
  // The worker builds in a few seconds: poll while one is on its way.
  useEffect(() => {
    if (!building) return;
    const t = setTimeout(list.reload, 1500);
    return () => clearTimeout(t);
  }, [building, list.reload, list.data]);
  return (
    <section className="documents panel" aria-label="Văn bản đã ban hành" data-testid={`documents-${kind}`}>
      <h3>{LABELS[kind].heading}</h3>
      {canIssue && live && (
        <p className="muted" data-testid="document-live">
          Đã có {LABELS[kind].heading.toLowerCase()} số {live.numberLabel} còn hiệu lực; muốn tạo lại, hãy hủy văn bản đó trước.
        </p>
      )}
      {notice && <Notice reveal>{notice}</Notice>}
      {canIssue && list.data && !live && (
        <IssueForm
          kind={kind}
          sourceId={sourceId}
          onIssued={(d) => {
            setNotice(`Đã cấp số ${d.numberLabel}; văn bản đang được tạo.`);
            list.reload();
            onIssued?.();
          }}
        />
      )}
      <ErrorBox error={list.error} />
      {docs.length === 0 && !list.loading && <p className="muted">Chưa có văn bản nào.</p>}
      <ul className="document-list">
        {docs.map((d) => (
          <DocumentItem
            key={d.id}
            d={d}
            canCancel={canIssue}
            onCancelled={() => {
              setNotice(`Đã hủy văn bản số ${d.numberLabel}.`);
              list.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function IssueForm({ kind, sourceId, onIssued }: { kind: DocumentKind; sourceId: string; onIssued: (d: DocumentRow) => void }) {
  const report = kind === 'PERIOD_REPORT';
  const f = useForm({ difficulties: '', proposals: '' });
  return (
    <ActionForm
      title={LABELS[kind].issue}
      submitLabel={LABELS[kind].issue}
      form={f}
      testId="form-issue-document"
      onSubmit={async () => {
        const input = report ? { kind, sourceId, difficulties: f.values.difficulties || null, proposals: f.values.proposals || null } : { kind, sourceId };
        onIssued((await gql(DOCUMENTS.issue, { i: input })).issueDocument);
      }}
    >
      {report && (
        <>
          <TextArea label="Khó khăn, vướng mắc" {...f.field('difficulties')} rows={3} />
          <TextArea label="Đề xuất, kiến nghị" {...f.field('proposals')} rows={2} />
        </>
      )}
    </ActionForm>
  );
}

function DocumentItem({ d, canCancel, onCancelled }: { d: DocumentRow; canCancel: boolean; onCancelled: () => void }) {
  const download = useAction<'docx' | 'pdf'>();
  const files = [
    { ext: 'docx', url: d.docxUrl, label: 'Tải DOCX' },
    { ext: 'pdf', url: d.pdfUrl, label: 'Tải PDF' },
  ] as const;
  return (
    <li className="document-item" data-testid="document-item" data-status={d.status} data-number={d.numberLabel}>
      <div>
        <strong>Số {d.numberLabel}</strong> · ngày {fmtDate(d.issuedOn)}
        {d.cancelledAt && (
          <span className="badge badge-report-failed" title={d.cancelReason ?? ''}>
            {' '}
            Đã hủy
          </span>
        )}
      </div>
      <div className="muted small">{d.title}</div>
      {(d.status === 'QUEUED' || d.status === 'RUNNING') && <p className="muted small">Đang tạo văn bản…</p>}
      {d.status === 'FAILED' && <p className="alert alert-error">Tạo văn bản không thành công; hệ thống sẽ thử lại.</p>}
      {d.status === 'READY' && (
        <div className="report-actions">
          {files.map(
            ({ ext, url, label }) =>
              url && (
                <button
                  key={ext}
                  type="button"
                  className="btn btn-secondary"
                  data-testid={`download-${ext}`}
                  onClick={() => download.run(ext, async () => `Đã tải về ${await downloadWithToken(url, `van-ban.${ext}`)}`)}
                  disabled={download.busy === ext}
                >
                  {download.busy === ext ? 'Đang tải…' : label}
                </button>
              ),
          )}
        </div>
      )}
      {canCancel && !d.cancelledAt && (
        <div className="report-actions">
          <CancelDocument d={d} onCancelled={onCancelled} />
        </div>
      )}
      <ErrorBox error={download.error} reveal />
      {download.done && <Notice reveal>{download.done}</Notice>}
    </li>
  );
}
