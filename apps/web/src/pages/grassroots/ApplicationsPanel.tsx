import { useState } from 'react';
import { gql } from '../../api';
import { fmtNumber } from '../../i18n';
import { GRASSROOTS } from '../../queries-grassroots';
import type { ApplicationStatus } from '../../generated/graphql';
import { ErrorBox, Notice } from '../../ui/errors';
import { SelectField } from '../../ui/fields';
import { Disclosure, Loading } from '../../ui/page';
import { ConnectionPager, useCursorPager } from '../../ui/pager';
import { useAsync } from '../../ui/use-async';
import { ApplicationForm } from '../case/ApplicationForm';
import { APPLICATION_STATUS_FILTER, DecideCell, RejectCell } from './application-cells';
import { AdmitApplicationForm } from './AdmitApplicationForm';
import { ApplicationsTable } from './ApplicationsTable';
import { RejectApplicationForm } from './RejectApplicationForm';

const PAGE = 25;
/** What an upper level's admission of a CĐCS's application does (ApplicationsService.decide). */
const ADMITTED_TO_CDCS =
  'Người lao động được đưa vào danh sách người lao động và sổ đoàn viên của CĐCS này, theo số và ngày quyết định kết nạp của công đoàn cấp trên ghi ở đây (không lấy số theo sổ văn bản của CĐCS).';

/**
 * Đơn xin gia nhập công đoàn: the applications sent to a CĐCS (membershipApplications), pending ones first of all.
 * Its chair (or an ADMIN) takes a new one, ticks pending ones for the page's admission decision (admitMembers with
 * applicationIds, which issues the decision document) and refuses one with its reason. The upper level's SUPERVISOR
 * (`canDecide`) admits one by its own decision (number and day) or refuses one, as decideApplication allows it; its
 * OFFICERs read them (docs/architecture.md#grassroots-unions).
 */
export function ApplicationsPanel(p: {
  gid: string;
  canWrite: boolean;
  /** An upper level's SUPERVISOR: admits or refuses one application at a time (decideApplication). */
  canDecide: boolean;
  /** The applications ticked for the admission decision, kept by the page. */
  picked: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Bumped by the page after an admission: the list is read again. */
  rev: number;
  /** An application refused: the page drops it from the ticked ones. */
  onRejected: (id: string) => void;
  /** An application admitted by the upper level: the page reads its register again. */
  onAdmitted: () => void;
}) {
  const { gid, canWrite, canDecide } = p;
  const [status, setStatus] = useState<ApplicationStatus | ''>('SUBMITTED');
  const pager = useCursorPager(status);
  const [mine, setMine] = useState(0);
  const list = useAsync(
    async () => (await gql(GRASSROOTS.applications, { g: gid, s: status || null, first: PAGE, after: pager.after })).membershipApplications,
    [gid, status, pager.after, p.rev, mine],
    { subject: [gid] },
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<{ id: string; fullName: string } | null>(null);
  const [admitting, setAdmitting] = useState<{ id: string; fullName: string } | null>(null);
  const reject = (x: { id: string; fullName: string }) => {
    setNotice(null);
    setAdmitting(null);
    setRejecting(x);
  };
  const admit = (x: { id: string; fullName: string }) => {
    setNotice(null);
    setRejecting(null);
    setAdmitting(x);
  };
  const page = list.data;
  const pending = status === 'SUBMITTED';

  return (
    <section className="panel applications-panel" aria-labelledby="applications-title" data-testid="applications-panel">
      <h2 id="applications-title">Đơn xin gia nhập công đoàn {page && pending && <span className="count">{fmtNumber(page.totalCount)}</span>}</h2>
      {canWrite && (
        <p className="muted small">
          Chọn các đơn đang chờ xét rồi lập <strong>quyết định kết nạp</strong> ở mục bên dưới (cùng những người lao động đã chọn trong danh sách).
        </p>
      )}
      {canDecide && (
        <p className="muted small">
          Ban Thường vụ công đoàn cấp trên xét từng đơn: <strong>Kết nạp</strong> (số và ngày quyết định) hoặc <strong>Từ chối</strong> (ghi lý do).
        </p>
      )}
      {!canWrite && !canDecide && <p className="muted small">Chỉ xem: Ban Chấp hành CĐCS hoặc Ban Thường vụ công đoàn cấp trên xét đơn.</p>}
      {notice && <Notice reveal>{notice}</Notice>}
      {canWrite && (
        <Disclosure summary="Nhận đơn xin gia nhập" testId="application-add">
          <ApplicationForm target={{ grassrootsUnionId: gid }} onApplied={() => setMine((n) => n + 1)} />
        </Disclosure>
      )}
      <div className="toolbar">
        <SelectField<ApplicationStatus | ''>
          label="Tình trạng đơn"
          name="applicationStatus"
          value={status}
          onChange={setStatus}
          options={APPLICATION_STATUS_FILTER}
        />
      </div>
      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="đơn xin gia nhập" />}
      {page && page.nodes.length === 0 && <p className="muted">{pending ? 'Không có đơn nào đang chờ xét.' : 'Không có đơn nào.'}</p>}
      {page && page.nodes.length > 0 && (
        <>
          <ApplicationsTable
            nodes={page.nodes}
            testId="applications-table"
            pick={canWrite && pending ? { picked: p.picked, onToggle: p.onToggle } : undefined}
            action={
              pending && canWrite
                ? (a) => <RejectCell a={a} testId="application-reject" onReject={reject} />
                : pending && canDecide
                  ? (a) => <DecideCell a={a} onAdmit={admit} onReject={reject} />
                  : undefined
            }
          />
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="applications-pager" what="đơn" />
        </>
      )}
      {admitting && (
        <AdmitApplicationForm
          key={admitting.id}
          application={admitting}
          where={ADMITTED_TO_CDCS}
          onCancel={() => setAdmitting(null)}
          onAdmitted={(message) => {
            setAdmitting(null);
            setNotice(message);
            // The page bumps `rev`: the list is read again.
            p.onAdmitted();
          }}
        />
      )}
      {rejecting && (
        <RejectApplicationForm
          key={rejecting.id}
          application={rejecting}
          onCancel={() => setRejecting(null)}
          onRejected={(message) => {
            p.onRejected(rejecting.id);
            setRejecting(null);
            setNotice(message);
            list.reload();
          }}
        />
      )}
    </section>
  );
}
