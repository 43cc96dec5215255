import { useMemo, useState } from 'react';
import { gql, unlessMissing } from '../api';
import { COVERAGE_LABEL_VI, coverageFiguresVi } from '@app/domain/report-text';
import { STAGE_LABEL, fmtDate, fmtDateTime, fmtNumber, fmtPercent, fmtPeriod, vnYear } from '../i18n';
import { loadAllCases } from '../cases';
import { Q, REPORTS, type CaseCard, type OrgUnit, type Pipeline } from '../queries';
import { Link } from '../router';
import { useSession } from '../session';
import { ALL_STAGES, CaseStage, isOpenStage } from '../stages';
import { ColumnChart, ProgressBar } from '../ui/charts';
import { ErrorBox } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { useUnits } from '../units';
import { AreaCoverage } from './plan/AreaCoverage';
import { TargetForm } from './targets/TargetForm';

export function TargetsPage() {
  const { me, sup } = useSession();
  const thisYear = vnYear();
  const [year, setYear] = useState(thisYear);
  const units = useUnits();

  // The caller's unit first, then the upper-level units directly under it (a supervisor's subtree).
  const shown: OrgUnit[] = useMemo(() => {
    const all = units.data ?? [];
    const own = all.find((u) => u.id === me.orgUnit.id) ?? { ...me.orgUnit, dissolvedAt: null };
    const children = sup ? all.filter((u) => u.parent?.id === me.orgUnit.id && u.kind !== 'GRASSROOTS').slice(0, 12) : [];
    return [own, ...children];
  }, [units.data, me, sup]);

  const pipelines = useAsync(
    async () => Promise.all(shown.map(async (u) => (await gql(Q.pipeline, { u: u.id, y: year })).pipeline)),
    [shown.map((u) => u.id).join(','), year],
  );
  const cases = useAsync(() => loadAllCases({}), []);

  return (
    <section aria-labelledby="targets-title">
      <PageTitle sub="Chỉ tiêu năm so với kết quả thực hiện: đoàn viên mới, CĐCS mới, tỷ lệ doanh nghiệp từ 25 lao động có công đoàn">
        <span id="targets-title">Chỉ tiêu &amp; kết quả</span>
      </PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Chọn năm">
        <SelectField
          label="Năm"
          name="year"
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
        />
      </form>

      <h2>Theo đơn vị</h2>
      <ErrorBox error={pipelines.error} />
      {pipelines.loading && !pipelines.data && <Loading what="số liệu" />}
      <div className="unit-grid">
        {(pipelines.data ?? []).map((p) => (
          <UnitProgress key={p.orgUnit.id} p={p} />
        ))}
      </div>

      {sup && <TargetForm key={year} units={shown} year={year} pipelines={pipelines.data ?? []} onSaved={pipelines.reload} />}

      <h2>Theo cán bộ</h2>
      <OfficerFiguresFromReport year={year} />
      <AreaCoverage unitId={me.orgUnit.id} />
      <CasesByOfficer cases={cases.data} loading={cases.loading} error={cases.error} />
    </section>
  );
}

function UnitProgress({ p }: { p: Pipeline }) {
  const open = p.stages.filter((s) => isOpenStage(s.stage));
  const overdue = p.stages.reduce((n, s) => n + s.overdue, 0);
  return (
    <section className="panel" aria-label={`Kết quả ${p.orgUnit.name} năm ${p.year}`} data-testid="unit-progress" data-unit-id={p.orgUnit.id}>
      <h3>
        {p.orgUnit.name} — năm {p.year}
      </h3>
      <ProgressBar label="Đoàn viên mới" actual={p.newMembers.actual} target={p.newMembers.target} testId="members" unit="đoàn viên" />
      <ProgressBar label="CĐCS mới thành lập" actual={p.newGrassrootsUnions.actual} target={p.newGrassrootsUnions.target} testId="unions" unit="CĐCS" />
      {/* A percent against a target percent: the count and one percent, never a percent of the target. */}
      <ProgressBar
        label={COVERAGE_LABEL_VI}
        text={coverageFiguresVi(p.coverage)}
        actual={p.coverage.percent}
        target={p.coverage.targetPercent}
        format={fmtPercent}
        testId="coverage"
      />
      <MembersBothWays p={p} />
      <ColumnChart
        title={`Hồ sơ đang mở theo giai đoạn${overdue ? ` — ${fmtNumber(overdue)} quá hạn` : ''}`}
        data={open.map((s) => ({ label: STAGE_LABEL[s.stage], value: s.count, highlight: s.overdue }))}
      />
      <p className="muted small">
        Đã công nhận: {fmtNumber(p.stages.find((s) => s.stage === CaseStage.RECOGNIZED)?.count ?? 0)} · Đã đóng:{' '}
        {fmtNumber(p.stages.find((s) => s.stage === CaseStage.CLOSED)?.count ?? 0)}
      </p>
    </section>
  );
}

/**
 * The members of the latest statistics-return period counted both ways: from the CĐCS registers and from the accepted
 * returns, saying which period and how many CĐCS reported (docs/architecture.md#party-recommendations-and-union-groups).
 */
function MembersBothWays({ p }: { p: Pipeline }) {
  const r = p.membersFromReturns;
  const period = `${r.kind === 'HALF_YEAR' ? '6 tháng' : 'năm'} ${r.year} (${fmtDate(r.periodStart)} – ${fmtDate(r.referenceDay)})`;
  return (
    <div className="both-ways" data-testid="members-both-ways">
      <h4>Đoàn viên kết nạp mới kỳ báo cáo {period}</h4>
      <dl>
        <dt>Theo sổ đoàn viên</dt>
        <dd data-testid="members-from-register">{fmtNumber(r.registerAdmitted)} đoàn viên mới (mọi CĐCS)</dd>
        <dt>Theo báo cáo thống kê đã duyệt</dt>
        <dd data-testid="members-from-returns">
          {fmtNumber(r.admitted)} kết nạp mới, {fmtNumber(r.membersAtEnd)} đoàn viên cuối kỳ{' '}
          <span className="muted">
            ({fmtNumber(r.reportedUnions)}/{fmtNumber(r.grassrootsUnions)} CĐCS có báo cáo được duyệt)
          </span>
        </dd>
      </dl>
    </div>
  );
}

/** Figures by officer from the newest ready report of the year (when the API has reports with byOfficer). */
function OfficerFiguresFromReport({ year }: { year: number }) {
  const r = useAsync(async () => {
    const answer = await unlessMissing(gql(REPORTS.listByOfficer, {}));
    if (answer === 'missing') return null;
    const ready = answer.reports
      .filter((x) => x.status === 'READY' && x.periodStart.startsWith(String(year)) && x.figures?.byOfficer?.length)
      .sort((a, b) => (b.builtAt ?? '').localeCompare(a.builtAt ?? ''));
    return ready[0] ?? null;
  }, [year]);
  if (r.loading && !r.data) return null;
  if (r.error) return null; // the live list below still answers
  const report = r.data;
  if (!report?.figures?.byOfficer) return null;
  return (
    <section className="panel" aria-labelledby="by-officer-title" data-testid="officer-figures">
      <h3 id="by-officer-title">
        Kết quả theo cán bộ — {fmtPeriod(report.periodKind, report.periodStart)} ({report.orgUnit.name})
      </h3>
      <p className="muted small">
        Số liệu báo cáo từ {fmtDate(report.periodStart)} đến {fmtDate(report.periodEnd)}, lập lúc {fmtDateTime(report.builtAt)}.
      </p>
      <div className="officer-grid">
        {report.figures.byOfficer.map((o) => (
          <div key={o.officerId} className="officer-card">
            <h4>{o.fullName}</h4>
            {/* The period's result beside the year's target, without a ratio of the two (docs/architecture.md#honest-period-figures). */}
            <ProgressBar label="Đoàn viên kết nạp" actual={o.membersAdmitted} target={o.targetMembers} text={inPeriod(o.membersAdmitted, o.targetMembers)} />
            <ProgressBar
              label="CĐCS được công nhận"
              actual={o.recognitions}
              target={o.targetGrassrootsUnions}
              text={inPeriod(o.recognitions, o.targetGrassrootsUnions)}
            />
            <p className="muted small">
              {fmtNumber(o.cases)} hồ sơ · {fmtNumber(o.openCases)} đang mở · {fmtNumber(o.overdueCases)} quá hạn
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}

const inPeriod = (actual: number, yearTarget: number | null) =>
  `${fmtNumber(actual)} trong kỳ · kế hoạch năm ${yearTarget == null ? 'chưa đặt' : fmtNumber(yearTarget)}`;

function CasesByOfficer({ cases, loading, error }: { cases: CaseCard[] | null; loading: boolean; error: unknown }) {
  const groups = useMemo(() => {
    const m = new Map<string, { name: string; list: CaseCard[] }>();
    for (const c of cases ?? []) {
      const key = c.assignee?.id ?? '';
      const g = m.get(key) ?? { name: c.assignee?.fullName ?? 'Chưa phân công', list: [] };
      g.list.push(c);
      m.set(key, g);
    }
    return [...m.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, 'vi'));
  }, [cases]);
  if (loading && !cases) return <Loading what="hồ sơ" />;
  return (
    <section className="panel" aria-labelledby="cases-by-officer" data-testid="cases-by-officer">
      <h3 id="cases-by-officer">Hồ sơ theo cán bộ phụ trách (hiện tại)</h3>
      <ErrorBox error={error} />
      {groups.length === 0 && <p className="muted">Chưa có hồ sơ.</p>}
      <div className="table-wrap">
        {/* Cards on a phone: seven columns leave the officer's name and cases a sliver of 390 px. */}
        <table className="stack-table" data-testid="cases-by-officer-table">
          <thead>
            <tr>
              <th scope="col">Cán bộ</th>
              {ALL_STAGES.map((s) => (
                <th scope="col" key={s} className="num">
                  {STAGE_LABEL[s]}
                </th>
              ))}
              <th scope="col" className="num">
                Quá hạn
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map(([key, g]) => (
              <tr key={key || 'none'}>
                <th scope="row" data-label="Cán bộ">
                  <div className="cell">
                    {g.name}
                    <ul className="case-links">
                      {g.list.slice(0, 6).map((c) => (
                        <li key={c.id}>
                          <Link to={`/ho-so/${c.id}`}>{c.enterprise.name}</Link>
                        </li>
                      ))}
                      {g.list.length > 6 && <li className="muted">và {fmtNumber(g.list.length - 6)} hồ sơ khác</li>}
                    </ul>
                  </div>
                </th>
                {ALL_STAGES.map((s) => (
                  <td key={s} className="num" data-label={STAGE_LABEL[s]}>
                    {fmtNumber(g.list.filter((c) => c.stage === s).length)}
                  </td>
                ))}
                <td className="num" data-label="Quá hạn">
                  {fmtNumber(g.list.filter((c) => c.overdue).length)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
