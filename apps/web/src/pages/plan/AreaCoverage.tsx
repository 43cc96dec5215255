import { gql } from '../../api';
import { fmtNumber } from '../../i18n';
import { PLAN, type AreaView } from '../../queries-plan';
import { Link } from '../../router';
import { ProgressBar } from '../../ui/charts';
import { ErrorBox } from '../../ui/errors';
import { Loading } from '../../ui/page';
import { useAsync } from '../../ui/use-async';

/** The officers' areas with their coverage (enterprises ≥ 25 workers with a union / all ≥ 25 in the area). */
export function AreaCoverage({ unitId, reloadKey }: { unitId: string; reloadKey?: unknown }) {
  const areas = useAsync(async () => (await gql(PLAN.areas, { u: unitId })).officerAreas, [unitId, reloadKey], { subject: [unitId] });
  if (areas.loading && !areas.data) return <Loading what="địa bàn" />;
  return (
    <section className="panel" aria-labelledby="area-coverage-title" data-testid="area-coverage">
      <h3 id="area-coverage-title">Địa bàn của cán bộ và tỷ lệ bao phủ</h3>
      <ErrorBox error={areas.error} />
      {areas.data?.length === 0 && (
        <p className="muted">
          Chưa giao địa bàn. <Link to="/dia-ban">Giao địa bàn</Link>
        </p>
      )}
      <div className="officer-grid">
        {(areas.data ?? []).map((a) => (
          <AreaCard key={a.officerId} a={a} />
        ))}
      </div>
    </section>
  );
}

export function AreaCard({ a }: { a: AreaView }) {
  return (
    <div className="officer-card" data-testid="area-card" data-officer-id={a.officerId}>
      <h4>
        {a.officerName} {a.shared && <span className="badge badge-reversed">dùng chung</span>}
      </h4>
      <p className="small">
        {a.districts.length > 0 && <>Huyện/xã: {a.districts.join(', ')}. </>}
        {a.enterprises.length > 0 && <>Doanh nghiệp: {a.enterprises.map((e) => e.name).join(', ')}.</>}
      </p>
      <ProgressBar
        label="Doanh nghiệp từ 25 lao động có công đoàn"
        actual={a.focusWithUnion}
        target={a.focus}
        text={`${fmtNumber(a.focusWithUnion)}/${fmtNumber(a.focus)}${a.coveragePercent == null ? '' : ` (${String(a.coveragePercent).replace('.', ',')}%)`}`}
        testId="area-coverage-bar"
      />
      <p className="muted small">{fmtNumber(a.enterpriseCount)} doanh nghiệp đang hoạt động trong địa bàn</p>
    </div>
  );
}
