import { TARGET_COLUMNS, coverageTextVi } from '@app/domain/report-text';
import { STAGE_LABEL, fmtDate, fmtNumber, fmtPercent } from '../../i18n';
import type { Report } from '../../queries';

type Figures = NonNullable<Report['figures']>;
type Progress = Figures['newMembers'];

/**
 * A READY report's figures as the XLSX shows them: the period's result, the year-to-date one and the
 * year's target under the same headings (targets are set per year: docs/architecture.md#honest-period-figures),
 * and coverage as its count and one percent beside the target percent.
 */
export function ReportFigures({ f, periodStart, periodEnd }: { f: Figures; periodStart: string; periodEnd: string }) {
  const rows: [string, Progress][] = [
    ['Đoàn viên kết nạp mới', f.newMembers],
    ['Công đoàn cơ sở thành lập mới', f.newGrassrootsUnions],
  ];
  return (
    <div className="report-figures">
      <div className="table-wrap">
        <table data-testid="report-targets">
          <thead>
            <tr>
              {Object.values(TARGET_COLUMNS).map((h, i) => (
                <th scope="col" key={h} className={i ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, t]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{fmtNumber(t.actual)}</td>
                <td className="num">{fmtNumber(t.yearToDate)}</td>
                <td className="num">{t.target == null ? 'chưa đặt' : fmtNumber(t.target)}</td>
                <td className="num">{fmtPercent(t.percentOfYearTarget)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" data-testid="report-target-basis">
        Chỉ tiêu giao theo năm: so sánh lũy kế từ {fmtDate(`${periodStart.slice(0, 4)}-01-01`)} đến {fmtDate(periodEnd)} với kế hoạch năm.
      </p>
      <p data-testid="report-coverage">{coverageTextVi(f.coverage)}</p>
      <p className="small">
        Hồ sơ theo giai đoạn:{' '}
        {f.stages
          .filter((s) => s.count > 0)
          .map((s) => `${STAGE_LABEL[s.stage]}: ${fmtNumber(s.count)}`)
          .join(' · ') || '—'}
      </p>
    </div>
  );
}
