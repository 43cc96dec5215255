import { useState } from 'react';
import { gql } from '../../api';
import { fmtNumber } from '../../i18n';
import { dmy } from '../../i18n-grassroots';
import { GRASSROOTS } from '../../queries-grassroots';
import type { ApplicationStatus } from '../../generated/graphql';
import { ErrorBox, Notice } from '../../ui/errors';
import { SelectField } from '../../ui/fields';
import { Disclosure, Loading } from '../../ui/page';
import { ConnectionPager, useCursorPager } from '../../ui/pager';
import { useAsync } from '../../ui/use-async';
import { ApplicationForm } from '../case/ApplicationForm';
import { ApplicationStatusCell, RejectCell } from './application-cells';
import { RejectApplicationForm } from './RejectApplicationForm';

const PAGE = 25;
const STATUSES: { value: ApplicationStatus | ''; label: string }[] = [
  { value: 'SUBMITTED', label: 'Đang chờ xét' },
  { value: 'ADMITTED', label: 'Đã kết nạp' },
  { value: 'REJECTED', label: 'Đã từ chối' },
  { value: '', label: 'Tất cả' },
];

/**
 * Đơn xin gia nhập công đoàn: the applications sent to a CĐCS (membershipApplications), pending ones first of all.
 * Its chair (or an ADMIN) takes a new one, ticks pending ones for the page's admission decision (admitMembers with
 * applicationIds, which issues the decision document) and refuses one with its reason; the upper level reads them
 * (docs/architecture.md#grassroots-unions).
 */
export function ApplicationsPanel(p: {
  gid: string;
  canWrite: boolean;
  /** The applications ticked for the admission decision, kept by the page. */
  picked: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Bumped by the page after an admission: the list is read again. */
  rev: number;
  /** An application refused: the page drops it from the ticked ones. */
  onRejected: (id: string) => void;
}) {
  const { gid, canWrite } = p;
  const [status, setStatus] = useState<ApplicationStatus | ''>('SUBMITTED');
  const pager = useCursorPager(status);
  const [mine, setMine] = useState(0);
  const list = useAsync(
    async () => (await gql(GRASSROOTS.applications, { g: gid, s: status || null, first: PAGE, after: pager.after })).membershipApplications,
    [gid, status, pager.after, p.rev, mine],
    { subject: [gid] },
  );
  const [rejecting, setRejecting] = useState<{ id: string; fullName: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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
      {notice && <Notice reveal>{notice}</Notice>}
      {canWrite && (
        <Disclosure summary="Nhận đơn xin gia nhập" testId="application-add">
          <ApplicationForm target={{ grassrootsUnionId: gid }} onApplied={() => setMine((n) => n + 1)} />
        </Disclosure>
      )}
      <div className="toolbar">
        <SelectField<ApplicationStatus | ''> label="Tình trạng đơn" name="applicationStatus" value={status} onChange={setStatus} options={STATUSES} />
      </div>
      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="đơn xin gia nhập" />}
      {page && page.nodes.length === 0 && <p className="muted">{pending ? 'Không có đơn nào đang chờ xét.' : 'Không có đơn nào.'}</p>}
      {page && page.nodes.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="stack-table" data-testid="applications-table">
              <thead>
                <tr>
                  {canWrite && pending && <th scope="col">Chọn</th>}
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Năm sinh</th>
                  <th scope="col">Vị trí công việc</th>
                  <th scope="col">Ngày nộp</th>
                  <th scope="col">Hạn xét</th>
                  <th scope="col">Tình trạng</th>
                  {canWrite && pending && <th scope="col">Thao tác</th>}
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((a) => (
                  <tr key={a.id} data-testid="application-row" data-status={a.status}>
                    {canWrite && pending && (
                      <td data-label="Chọn">
                        {a.status === 'SUBMITTED' && (
                          <input type="checkbox" aria-label={`Chọn đơn của ${a.fullName}`} checked={p.picked.has(a.id)} onChange={() => p.onToggle(a.id)} />
                        )}
                      </td>
                    )}
                    <td data-label="Họ và tên">{a.fullName}</td>
                    <td data-label="Năm sinh">{a.birthYear}</td>
                    <td data-label="Vị trí công việc">{a.position}</td>
                    <td data-label="Ngày nộp">{dmy(a.submittedOn)}</td>
                    <td data-label="Hạn xét">{a.dueOn ? dmy(a.dueOn) : <span className="muted">—</span>}</td>
                    <ApplicationStatusCell a={a} label="Tình trạng" />
                    {canWrite && pending && (
                      <RejectCell
                        a={a}
                        testId="application-reject"
                        onReject={(x) => {
                          setNotice(null);
                          setRejecting(x);
                        }}
                      />
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="applications-pager" what="đơn" />
        </>
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
