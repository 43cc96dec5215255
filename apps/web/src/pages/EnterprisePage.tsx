import { useState } from 'react';
import { gql } from '../api';
import { OWNERSHIP_LABEL, fmtDate, fmtDateTime, fmtNumber, labelOf } from '../i18n';
import { REGISTER, type EnterpriseDetail } from '../queries-register';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { CloseEnterpriseForm, OpenCaseForm, ReopenEnterpriseForm } from './register/EnterpriseActions';
import { EnterpriseEditForm } from './register/EnterpriseEditForm';
import { EnterpriseCases, WorkerCountHistory } from './register/EnterpriseRecords';
import { FundingTypeForm, FundingTypeHistory } from './register/FundingType';
import { FUNDING_TYPE_LABEL } from '../i18n-registers';

/** One enterprise of the register: its data, its worker counts over time, its cases; editing, opening a case, closing. */
export function EnterprisePage({ id }: { id: string }) {
  const { sup } = useSession();
  const q = useAsync(async () => (await gql(REGISTER.one, { id })).enterprise, [id]);
  const [flash, setFlash] = useState<string | null>(null);
  const e = q.data;

  if (q.loading && !e) return <Loading what="doanh nghiệp" />;
  if (!e) {
    return (
      <section>
        <PageTitle>Doanh nghiệp</PageTitle>
        <ErrorBox error={q.error} />
        <p>
          <Link to="/doanh-nghiep">← Về sổ doanh nghiệp</Link>
        </p>
      </section>
    );
  }

  const done = (message: string) => {
    setFlash(message);
    q.reload();
  };
  const hasOpenCase = !!e.openCase;
  return (
    <article
      className="enterprise-page"
      aria-labelledby="ent-title"
      data-testid="enterprise-page"
      data-enterprise-id={e.id}
      data-worker-count={e.workerCount}
      data-closed={e.closedOn ? 'true' : 'false'}
      data-updated-at={e.updatedAt}
    >
      <p className="breadcrumb">
        <Link to="/doanh-nghiep">← Sổ doanh nghiệp</Link>
      </p>
      <PageTitle
        sub={
          <>
            Mã số thuế {e.taxCode} · <span data-testid="enterprise-worker-count">{fmtNumber(e.workerCount)}</span> lao động ·{' '}
            {e.closedOn ? <span className="badge badge-closed">Ngừng hoạt động từ {fmtDate(e.closedOn)}</span> : 'Đang hoạt động'}
          </>
        }
      >
        <span id="ent-title">{e.name}</span>
      </PageTitle>

      <div className="case-layout">
        <div className="case-main">
          <Facts e={e} />
          <WorkerCountHistory entries={e.workerCountHistory} />
          <FundingTypeHistory entries={e.fundingTypeHistory} />
          <EnterpriseCases cases={e.cases} />
        </div>
        <aside className="case-actions panel" aria-labelledby="ent-actions" data-testid="enterprise-actions">
          <h2 id="ent-actions">Thao tác</h2>
          {flash && <Notice reveal>{flash}</Notice>}
          <EnterpriseEditForm key={`edit-${e.updatedAt}`} e={e} onSaved={done} />
          <FundingTypeForm key={`ft-${e.updatedAt}`} e={e} onDone={done} />
          {sup && !hasOpenCase && !e.closedOn && <OpenCaseForm e={e} />}
          {hasOpenCase && (
            <p className="muted">
              Đang có hồ sơ thành lập: <Link to={`/ho-so/${e.openCase!.id}`}>xem hồ sơ</Link>.
            </p>
          )}
          {e.closedOn ? (
            <ReopenEnterpriseForm key={`re-${e.updatedAt}`} e={e} onDone={done} />
          ) : (
            <CloseEnterpriseForm key={`cl-${e.updatedAt}`} e={e} onDone={done} />
          )}
        </aside>
      </div>
    </article>
  );
}

function Facts({ e }: { e: EnterpriseDetail }) {
  const rows: [string, string][] = [
    ['Địa chỉ', e.address ?? '—'],
    ['Huyện/Xã', e.district ?? '—'],
    ['Ngành', e.sector ?? '—'],
    ['Loại hình', e.ownership ? labelOf(OWNERSHIP_LABEL, e.ownership) : '—'],
    ['Loại hình tài chính', e.fundingType ? `${labelOf(FUNDING_TYPE_LABEL, e.fundingType)} (từ ${fmtDate(e.fundingTypeFrom)})` : '—'],
    ['Số lao động', `${fmtNumber(e.workerCount)}${e.surveyedOn ? ` (đếm ngày ${fmtDate(e.surveyedOn)})` : ''}`],
    ['Công đoàn tại doanh nghiệp', e.hasUnion ? 'Đã có' : 'Chưa có'],
    ['Đơn vị quản lý', e.orgUnit.name],
    ['Cập nhật lần cuối', fmtDateTime(e.updatedAt)],
  ];
  return (
    <section className="panel" aria-labelledby="ent-facts">
      <h2 id="ent-facts">Thông tin doanh nghiệp</h2>
      <dl className="facts" data-testid="enterprise-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
