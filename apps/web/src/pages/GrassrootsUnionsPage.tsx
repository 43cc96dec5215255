import { useState } from 'react';
import { gql } from '../api';
import { fmtNumber } from '../i18n';
import { GRASSROOTS } from '../queries-grassroots';
import { Link } from '../router';
import { ErrorBox, Notice } from '../ui/errors';
import { TextField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager, useDebounced } from '../ui/pager';
import { useAsync } from '../ui/use-async';
import { MembersPage } from './MembersPage';
import { returnPath } from './StatisticsReturnsPage';
import { EmployerForm } from './grassroots/EmployerForm';
import { isSupervisor, useSession } from '../session';

export const GRASSROOTS_UNIONS_PATH = '/cdcs';
const PAGE = 25;

/** Công đoàn cơ sở: the CĐCS of the caller's subtree with their counts and whether someone there can log in. */
export function GrassrootsUnionsPage() {
  const [search, setSearch] = useState('');
  const applied = useDebounced(search, 300);
  const pager = useCursorPager(applied);
  const q = useAsync(
    async () => (await gql(GRASSROOTS.unions, { search: applied || null, first: PAGE, after: pager.after })).grassrootsUnions,
    [applied, pager.after],
    { subject: [] },
  );
  const page = q.data;
  return (
    <section aria-labelledby="unions-title" data-testid="unions-page">
      <PageTitle sub="Các công đoàn cơ sở trong phạm vi của bạn: số người lao động, số đoàn viên, tài khoản">
        <span id="unions-title">Công đoàn cơ sở</span>
      </PageTitle>
      <div className="toolbar">
        <TextField label="Tìm theo tên" name="search" value={search} onChange={setSearch} testId="unions-search" />
      </div>
      <ErrorBox error={q.error} />
      {q.loading && !page && <Loading what="danh sách" />}
      {page && page.nodes.length === 0 && <p className="empty-state">Không có công đoàn cơ sở nào.</p>}
      {page && page.nodes.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="stack-table" data-testid="unions-table">
              <thead>
                <tr>
                  <th scope="col">Công đoàn cơ sở</th>
                  <th scope="col">Trực thuộc</th>
                  <th scope="col" className="num">
                    Đoàn viên
                  </th>
                  <th scope="col" className="num">
                    Người lao động
                  </th>
                  <th scope="col">Tài khoản</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((u) => (
                  <tr key={u.id} data-testid="union-row">
                    <td data-label="Công đoàn cơ sở">
                      <Link to={`${GRASSROOTS_UNIONS_PATH}/${encodeURIComponent(u.id)}`} data-testid="union-open">
                        {u.name}
                      </Link>
                    </td>
                    <td data-label="Trực thuộc">{u.parentName ?? '—'}</td>
                    <td data-label="Đoàn viên" className="num">
                      {fmtNumber(u.membersCount)}
                    </td>
                    <td data-label="Người lao động" className="num">
                      {fmtNumber(u.staffCount)}
                    </td>
                    <td data-label="Tài khoản">{u.hasAccount ? 'Có' : <span className="muted">Chưa có</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="unions-pager" what="công đoàn cơ sở" />
        </>
      )}
    </section>
  );
}

/** One CĐCS as the upper level sees it: its register, read only (an ADMIN may change it). */
export function GrassrootsUnionPage({ id }: { id: string }) {
  const { me } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const q = useAsync(async () => (await gql(GRASSROOTS.unions, { u: id, first: 1 })).grassrootsUnions.nodes.find((u) => u.id === id) ?? null, [id]);
  const unit = q.data;
  return (
    <div data-testid="union-page">
      <p className="breadcrumb">
        <Link to={GRASSROOTS_UNIONS_PATH}>← Công đoàn cơ sở</Link>
      </p>
      <ErrorBox error={q.error} />
      {q.loading && !unit && <Loading what="công đoàn cơ sở" />}
      {!q.loading && !q.error && !unit && <p role="alert">Không tìm thấy công đoàn cơ sở, hoặc nằm ngoài phạm vi của bạn.</p>}
      {unit && (
        <>
          <p className="muted" data-testid="union-facts">
            Trực thuộc {unit.parentName ?? '—'} · {fmtNumber(unit.membersCount)} đoàn viên / {fmtNumber(unit.staffCount)} người lao động ·{' '}
            {unit.hasAccount ? 'đã có tài khoản' : 'chưa có tài khoản'}
          </p>
          <p data-testid="union-employer">
            Đơn vị sử dụng lao động: {unit.employerName ?? <span className="muted">chưa ghi (không kiểm tra loại hình tài chính khi kết nạp)</span>}
            {unit.employerFromCase && <span className="muted"> (theo hồ sơ thành lập CĐCS)</span>}
          </p>
          {done && <Notice reveal>{done}</Notice>}
          {isSupervisor(me) && !unit.employerFromCase && (
            <EmployerForm
              unitId={unit.id}
              employerId={unit.employerId ?? null}
              onDone={(m) => {
                setDone(m);
                q.reload();
              }}
            />
          )}
          <p className="form-actions">
            <Link to={returnPath(unit.id)} className="btn btn-secondary" data-testid="union-returns-link">
              Báo cáo thống kê của CĐCS
            </Link>
          </p>
          <MembersPage unitId={unit.id} unitName={unit.name} />
        </>
      )}
    </div>
  );
}
