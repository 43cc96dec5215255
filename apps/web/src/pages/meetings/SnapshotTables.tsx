import { STAGE_LABEL, fmtDate, fmtNumber, fmtPercent } from '../../i18n';
import { fmtChange, fmtChangeValue, fmtMoney } from '../../i18n-meetings';
import type { MeetingSnapshot, SnapshotChange } from '../../queries-meetings';
import { isOpenStage } from '../../stages';

/** A held meeting's frozen figures: the unit's, then each officer's (docs/architecture.md#review-meetings). */
export function SnapshotFacts({ s }: { s: MeetingSnapshot }) {
  const openStages = s.stages.filter((x) => isOpenStage(x.stage) && x.count > 0);
  return (
    <div className="panel" data-testid="meeting-snapshot">
      <dl className="facts">
        <dt>Đoàn viên kết nạp từ đầu năm</dt>
        <dd data-testid="snap-members">
          {fmtNumber(s.newMembers.yearToDate)}
          {s.newMembers.target != null && ` / kế hoạch ${fmtNumber(s.newMembers.target)}`}
        </dd>
        <dt>CĐCS thành lập từ đầu năm</dt>
        <dd>
          {fmtNumber(s.newGrassrootsUnions.yearToDate)}
          {s.newGrassrootsUnions.target != null && ` / kế hoạch ${fmtNumber(s.newGrassrootsUnions.target)}`}
        </dd>
        <dt>Doanh nghiệp từ 25 lao động có công đoàn</dt>
        <dd>
          {fmtNumber(s.coverage.withUnion)} / {fmtNumber(s.coverage.enterprises25Plus)} ({fmtPercent(s.coverage.percent)})
        </dd>
        <dt>Hồ sơ đang mở</dt>
        <dd data-testid="snap-open">{fmtNumber(s.openCases)}</dd>
        <dt>Hồ sơ quá hạn</dt>
        <dd data-testid="snap-overdue">{fmtNumber(s.overdueCases)}</dd>
        <dt>Kinh phí đã chi</dt>
        <dd>{s.budgetSpent == null ? 'Chưa có số liệu kinh phí' : fmtMoney(s.budgetSpent)}</dd>
      </dl>
      {openStages.length > 0 && (
        <p className="small">
          Theo giai đoạn:{' '}
          {openStages.map((x) => `${STAGE_LABEL[x.stage]} ${fmtNumber(x.count)}${x.overdue ? ` (${fmtNumber(x.overdue)} quá hạn)` : ''}`).join(' · ')}
        </p>
      )}
      {s.officers.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table" data-testid="snapshot-officers">
            <caption className="sr-only">Số liệu theo cán bộ</caption>
            <thead>
              <tr>
                <th scope="col">Cán bộ</th>
                <th scope="col">Hồ sơ đang mở</th>
                <th scope="col">Quá hạn</th>
                <th scope="col">CĐCS được công nhận</th>
                <th scope="col">Đoàn viên kết nạp</th>
                <th scope="col">Kế hoạch đoàn viên</th>
              </tr>
            </thead>
            <tbody>
              {s.officers.map((o) => (
                <tr key={o.officerId}>
                  <th scope="row" data-label="Cán bộ">
                    {o.fullName}
                  </th>
                  <td data-label="Hồ sơ đang mở">{fmtNumber(o.openCases)}</td>
                  <td data-label="Quá hạn">{fmtNumber(o.overdueCases)}</td>
                  <td data-label="CĐCS được công nhận">{fmtNumber(o.recognitions)}</td>
                  <td data-label="Đoàn viên kết nạp">{fmtNumber(o.membersAdmitted)}</td>
                  <td data-label="Kế hoạch đoàn viên">{fmtNumber(o.targetMembers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The unit's indicators, then each officer's: the previous meeting's value beside this one's, and the change. */
export function ChangeTable({ rows, previousDay, day }: { rows: SnapshotChange[]; previousDay: string | null; day: string }) {
  const before = previousDay ? `Giao ban ${fmtDate(previousDay)}` : 'Kỳ trước';
  const now = `Giao ban ${fmtDate(day)}`;
  return (
    <div className="table-wrap">
      <table className="stack-table change-table" data-testid="change-table">
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">{before}</th>
            <th scope="col">{now}</th>
            <th scope="col">Thay đổi</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.officerId ?? 'unit'}:${r.indicator}`} data-testid="change-row" data-indicator={r.indicator} data-officer={r.officerId ?? ''}>
              <th scope="row" data-label="Chỉ tiêu">
                {r.fullName ? `${r.fullName}: ` : ''}
                {r.label}
              </th>
              <td data-label={before}>{fmtChangeValue(r.kind, r.previous)}</td>
              <td data-label={now}>{fmtChangeValue(r.kind, r.current)}</td>
              <td data-label="Thay đổi" data-testid="change-value">
                {fmtChange(r.kind, r.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
