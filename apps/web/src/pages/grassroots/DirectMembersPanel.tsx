import { useState } from 'react';
import { SEX_LABEL_VI } from '@app/domain/code-labels';
import { gql } from '../../api';
import { fmtNumber } from '../../i18n';
import { LEAVE_LABEL, STATUS_LABEL, dmy } from '../../i18n-grassroots';
import { GRASSROOTS } from '../../queries-grassroots';
import type { LeaveReason, MemberStatus } from '../../generated/graphql';
import { ErrorBox, Notice } from '../../ui/errors';
import { SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/page';
import { ConnectionPager, useCursorPager, useDebounced } from '../../ui/pager';
import { useAsync } from '../../ui/use-async';
import { DirectMemberLeaveForm, DirectMemberTransferForm } from './DirectMemberForms';

const PAGE = 25;
const STATUS_FILTER: { value: MemberStatus | ''; label: string }[] = [
  { value: 'MEMBER', label: 'Đang sinh hoạt' },
  { value: 'LEFT', label: STATUS_LABEL.LEFT },
  { value: '', label: 'Tất cả' },
];

type Picked = { id: string; fullName: string; admittedOn: string };

/**
 * Đoàn viên kết nạp trực tiếp: the members an upper-level union admitted itself on applications (no CĐCS at their
 * enterprise), on no CĐCS's staff list (upperLevelMembers): search, status, pages of 25. A SUPERVISOR or ADMIN records
 * one leaving or moves one to a CĐCS of the union's subtree, e.g. the one just founded at its enterprise
 * (docs/architecture.md#grassroots-unions).
 */
export function DirectMembersPanel({ unitId, canManage, rev }: { unitId: string; canManage: boolean; rev: number }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('MEMBER');
  const applied = useDebounced(JSON.stringify({ search, status }), 300);
  const pager = useCursorPager(`${unitId}:${applied}`);
  const [changed, setChanged] = useState(0);
  const list = useAsync(
    async () => {
      const f = JSON.parse(applied) as { search: string; status: MemberStatus | '' };
      return (await gql(GRASSROOTS.upperMembers, { u: unitId, f: { search: f.search || null, status: f.status || null }, first: PAGE, after: pager.after }))
        .upperLevelMembers;
    },
    [unitId, applied, pager.after, rev, changed],
    { subject: [unitId] },
  );
  const [leaving, setLeaving] = useState<Picked | null>(null);
  const [moving, setMoving] = useState<Picked | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (which: 'leave' | 'move', m: Picked) => {
    setNotice(null);
    setLeaving(which === 'leave' ? m : null);
    setMoving(which === 'move' ? m : null);
  };
  const done = (message: string) => {
    setLeaving(null);
    setMoving(null);
    setNotice(message);
    setChanged((c) => c + 1);
  };
  const page = list.data;

  return (
    <section aria-labelledby="direct-members-title" data-testid="direct-members">
      <h2 id="direct-members-title">
        Đoàn viên kết nạp trực tiếp
        {page && <span className="count"> {fmtNumber(page.totalCount)}</span>}
      </h2>
      <p className="muted small">
        Người lao động được công đoàn cấp trên này kết nạp theo đơn (doanh nghiệp chưa có CĐCS), sinh hoạt trực tiếp, không thuộc danh sách CĐCS nào.
        {canManage && ' Khi doanh nghiệp của họ thành lập CĐCS: «Chuyển về CĐCS» (không tính là đoàn viên mới).'}
      </p>
      <div className="toolbar">
        <TextField label="Tìm theo tên hoặc số CCCD" name="directSearch" value={search} onChange={setSearch} testId="direct-members-search" />
        <SelectField<MemberStatus | ''> label="Trạng thái" name="directStatus" value={status} onChange={setStatus} options={STATUS_FILTER} />
      </div>
      {notice && <Notice reveal>{notice}</Notice>}
      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="đoàn viên" />}
      {page && page.nodes.length === 0 && <p className="empty-state">Không có đoàn viên nào.</p>}
      {page && page.nodes.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="stack-table" data-testid="direct-members-table">
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Số CCCD</th>
                  <th scope="col">Năm sinh</th>
                  <th scope="col">Giới tính</th>
                  <th scope="col">Tình trạng</th>
                  {canManage && <th scope="col">Thao tác</th>}
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((m) => (
                  <tr key={m.id} data-testid="direct-member-row" data-status={m.status}>
                    <td data-label="Họ và tên">
                      {/* One element: the cell is a label-and-value grid at phone width. */}
                      <span>
                        {m.fullName}
                        {m.position && <small className="muted"> · {m.position}</small>}
                      </span>
                    </td>
                    <td data-label="Số CCCD">{m.citizenId ?? <span className="muted">—</span>}</td>
                    <td data-label="Năm sinh">{m.birthYear}</td>
                    <td data-label="Giới tính">{SEX_LABEL_VI[m.sex]}</td>
                    <td data-label="Tình trạng">
                      <span>
                        {m.status === 'MEMBER' ? 'Đang sinh hoạt' : STATUS_LABEL[m.status]}
                        <small className="muted">
                          {' '}
                          (kết nạp {dmy(m.admittedOn)}
                          {m.decisionNumber && `, QĐ ${m.decisionNumber}`})
                        </small>
                        {m.leftOn && (
                          <small className="muted">
                            {' '}
                            — ngày {dmy(m.leftOn)}: {m.leftReason ? LEAVE_LABEL[m.leftReason as LeaveReason] : ''}
                            {m.leftNote && ` (${m.leftNote})`}
                          </small>
                        )}
                      </span>
                    </td>
                    {canManage && (
                      <td data-label="Thao tác">
                        {m.status === 'MEMBER' && (
                          <span className="row-actions">
                            <button type="button" className="btn btn-secondary btn-small" data-testid="direct-member-move" onClick={() => open('move', m)}>
                              Chuyển về CĐCS
                            </button>
                            <button type="button" className="btn btn-secondary btn-small" data-testid="direct-member-leave" onClick={() => open('leave', m)}>
                              Ghi giảm
                            </button>
                          </span>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="direct-members-pager" what="đoàn viên" />
        </>
      )}
      {leaving && <DirectMemberLeaveForm key={leaving.id} member={leaving} onCancel={() => setLeaving(null)} onDone={done} />}
      {moving && <DirectMemberTransferForm key={moving.id} member={moving} unitId={unitId} onCancel={() => setMoving(null)} onDone={done} />}
    </section>
  );
}
