import { useEffect, useMemo } from 'react';
import { downloadWithToken, gql, unlessMissing } from '../api';
import { PERIOD_KIND_LABEL, REPORT_STATUS_LABEL, fmtDate, fmtDateTime, fmtNumber, fmtPeriod, vnToday, vnYear, labelOf, optionsOf } from '../i18n';
import { REPORTS, type PeriodKind, type Report } from '../queries';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { Loading, PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { useUnits } from '../units';
import { ReportFigures } from './report/ReportFigures';
import { DocumentsPanel } from './documents/DocumentsPanel';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the period chosen by kind, year and part (month 1–12, quarter 1–4, half 1–2). */
export function periodStartOf(kind: string, year: number, part: number): string {
  switch (kind) {
    case 'MONTH':
      return `${year}-${pad(part)}-01`;
    case 'QUARTER':
      return `${year}-${pad((part - 1) * 3 + 1)}-01`;
    case 'HALF_YEAR':
      return `${year}-${part === 2 ? '07' : '01'}-01`;
    default:
      return `${year}-01-01`;
  }
}

function periodEndOf(kind: string, start: string): string {
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const months = kind === 'MONTH' ? 1 : kind === 'QUARTER' ? 3 : kind === 'HALF_YEAR' ? 6 : 12;
  const end = new Date(Date.UTC(y, m - 1 + months, 0));
  return end.toISOString().slice(0, 10);
}

export function partsOf(kind: string): { value: string; label: string }[] {
  switch (kind) {
    case 'MONTH':
      return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${pad(i + 1)}` }));
    case 'QUARTER':
      return [1, 2, 3, 4].map((q) => ({ value: String(q), label: `Quý ${q}` }));
    case 'HALF_YEAR':
      return [
        { value: '1', label: '6 tháng đầu năm' },
        { value: '2', label: '6 tháng cuối năm' },
      ];
    default:
      return [];
  }
}

function currentPart(kind: string): number {
  const m = Number(vnToday().slice(5, 7));
  return kind === 'MONTH' ? m : kind === 'QUARTER' ? Math.floor((m - 1) / 3) + 1 : kind === 'HALF_YEAR' ? (m <= 6 ? 1 : 2) : 1;
}

export function ReportsPage() {
  const { me, sup } = useSession();
  const units = useUnits();
  const list = useAsync(async () => {
    const answer = await unlessMissing(gql(REPORTS.list, {}));
    return answer === 'missing' ? answer : answer.reports;
  }, []);
  const reports = list.data === 'missing' ? [] : (list.data ?? []);
  const pending = reports.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING');

  // Poll while a report is being built.
  useEffect(() => {
    if (!pending) return;
    const t = setTimeout(list.reload, 1500);
    return () => clearTimeout(t);
  }, [pending, list.data, list.reload]);

  const sorted = useMemo(() => [...reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [reports]);

  return (
    <section aria-labelledby="rep-title">
      <PageTitle sub="Báo cáo định kỳ và theo yêu cầu: kết quả so với chỉ tiêu, tiến độ hồ sơ, hồ sơ quá hạn, theo cán bộ và theo CĐCS">
        <span id="rep-title">Báo cáo</span>
      </PageTitle>
      {list.data === 'missing' ? (
        <div className="alert alert-info" role="status" data-testid="reports-unavailable">
          Máy chủ chưa hỗ trợ chức năng báo cáo. Vui lòng quay lại sau.
        </div>
      ) : (
        <>
          {sup && <RequestForm units={(units.data ?? []).length ? units.data! : [me.orgUnit]} defaultUnit={me.orgUnit.id} onRequested={list.reload} />}
          <ErrorBox error={list.error} />
          {list.loading && !list.data && <Loading what="báo cáo" />}
          {list.data && sorted.length === 0 && <p className="empty-state">Chưa có báo cáo nào.</p>}
          <ul className="report-list" data-testid="reports">
            {sorted.map((r) => (
              <ReportItem key={r.id} r={r} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RequestForm({ units, defaultUnit, onRequested }: { units: { id: string; name: string }[]; defaultUnit: string; onRequested: () => void }) {
  const thisYear = vnYear();
  const f = useForm({ orgUnitId: defaultUnit, periodKind: 'QUARTER' as PeriodKind, year: String(thisYear), part: String(currentPart('QUARTER')) });
  const { orgUnitId, periodKind: kind } = f.values;
  const parts = partsOf(kind);
  const start = periodStartOf(kind, Number(f.values.year), Number(f.values.part) || 1);
  return (
    <ActionForm
      title="Yêu cầu lập báo cáo"
      submitLabel="Lập báo cáo"
      form={f}
      testId="form-report"
      className="panel"
      conflict="Báo cáo của kỳ này đang được lập."
      onSubmit={async () => {
        await gql(REPORTS.request, { i: { orgUnitId, periodKind: kind, periodStart: start } });
        onRequested();
        return `Đã gửi yêu cầu lập báo cáo ${fmtPeriod(kind, start)}.`;
      }}
    >
      <div className="grid-4">
        <SelectField label="Đơn vị" {...f.field('orgUnitId')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField
          label="Loại kỳ"
          {...f.field('periodKind')}
          // A new kind starts at its current part (this month, quarter, half).
          onChange={(k) => f.setValues((s) => ({ ...s, periodKind: k, part: String(currentPart(k)) }))}
          options={optionsOf(PERIOD_KIND_LABEL)}
        />
        <SelectField label="Năm" {...f.field('year')} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))} />
        {/* The part picks the period's first day: the API names it periodStart. */}
        {parts.length > 0 && <SelectField label="Kỳ" {...f.field('part')} name="periodStart" options={parts} />}
      </div>
      <p className="muted" data-testid="report-period">
        Kỳ báo cáo: {fmtPeriod(kind, start)} (từ {fmtDate(start)} đến {fmtDate(periodEndOf(kind, start))})
      </p>
    </ActionForm>
  );
}

function ReportItem({ r }: { r: Report }) {
  const { sup } = useSession();
  const download = useAction<'xlsx' | 'csv'>();
  const base = `bao-cao-${fmtPeriod(r.periodKind, r.periodStart)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()}`;
  const files = [
    { ext: 'xlsx', url: r.xlsxUrl, label: 'Tải XLSX', className: 'btn btn-primary' },
    { ext: 'csv', url: r.csvUrl, label: 'Tải CSV', className: 'btn btn-secondary' },
  ] as const;
  const f = r.figures;
  return (
    <li className="report panel" data-testid="report-item" data-status={r.status}>
      <div className="report-head">
        <h2>
          {fmtPeriod(r.periodKind, r.periodStart)} — {r.orgUnit.name}
        </h2>
        <span className={`badge badge-report-${r.status.toLowerCase()}`} data-testid="report-status">
          {labelOf(REPORT_STATUS_LABEL, r.status)}
        </span>
      </div>
      <p className="muted small">
        Từ {fmtDate(r.periodStart)} đến {fmtDate(r.periodEnd)} · yêu cầu lúc {fmtDateTime(r.createdAt)}
        {r.builtAt ? ` · lập xong lúc ${fmtDateTime(r.builtAt)}` : ''}
      </p>
      {(r.status === 'QUEUED' || r.status === 'RUNNING') && (
        <div className="report-progress">
          <progress max={100} value={r.progress} aria-label="Tiến độ lập báo cáo">
            {r.progress}%
          </progress>
          <span>{fmtNumber(r.progress)}%</span>
        </div>
      )}
      {r.status === 'FAILED' && <p className="alert alert-error">Lập báo cáo không thành công. Vui lòng yêu cầu lập lại.</p>}
      {r.status === 'READY' && f && <ReportFigures f={f} periodStart={r.periodStart} periodEnd={r.periodEnd} />}
      {r.status === 'READY' && (
        <div className="report-actions">
          {files.map(
            ({ ext, url, label, className }) =>
              url && (
                <button
                  key={ext}
                  type="button"
                  className={className}
                  onClick={() => download.run(ext, async () => `Đã tải về ${await downloadWithToken(url, `${base}.${ext}`)}`)}
                  disabled={download.busy === ext}
                >
                  {download.busy === ext ? 'Đang tải…' : label}
                </button>
              ),
          )}
        </div>
      )}
      <ErrorBox error={download.error} reveal />
      {download.done && <Notice reveal>{download.done}</Notice>}
      {r.status === 'READY' && <DocumentsPanel kind="PERIOD_REPORT" sourceId={r.id} canIssue={sup} />}
    </li>
  );
}
