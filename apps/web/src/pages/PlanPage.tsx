import { useState } from 'react';
import { gql } from '../api';
import { fmtDate, fmtDateTime, fmtNumber, vnYear } from '../i18n';
import { PLAN, type PlanView } from '../queries-plan';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { DateField, NumberField, TextArea, TextField } from '../ui/fields';
import { day, num, todayVn } from '../ui/form-values';
import { ActionForm, useForm } from '../ui/forms';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { useUnitUsers } from '../units';
import { DocumentsPanel } from './documents/DocumentsPanel';
import { YearPicker } from './plan/plan-common';
import '../styles-plan.css';

export const PLAN_PATH = '/ke-hoach';

/** The unit's plan for a year: number, date, title, targets, the officers' assignments and every saved version. */
export function PlanPage() {
  const { me, sup } = useSession();
  const thisYear = vnYear();
  const [year, setYear] = useState(thisYear);
  const unitId = me.orgUnit.id;
  const plan = useAsync(async () => gql(PLAN.plan, { u: unitId, y: year }), [unitId, year]);
  const current = plan.data?.plan ?? null;
  return (
    <section aria-labelledby="plan-title">
      <PageTitle sub={`Kế hoạch năm của ${me.orgUnit.name}: chỉ tiêu, phân công cán bộ; mỗi lần lưu là một phiên bản mới`}>
        <span id="plan-title">Kế hoạch năm</span>
      </PageTitle>
      <YearPicker year={year} onChange={setYear} thisYear={thisYear} />
      <p className="muted small">
        Xem thêm: <Link to="/dia-ban">Địa bàn cán bộ</Link> · <Link to="/kinh-phi">Kinh phí</Link>
      </p>
      <ErrorBox error={plan.error} />
      {plan.loading && !plan.data && <Loading what="kế hoạch" />}
      {plan.data && !current && <p className="muted">Chưa có kế hoạch năm {year}.</p>}
      {current && <PlanFacts p={current} />}
      {current && <DocumentsPanel key={current.id} kind="PLAN" sourceId={current.id} canIssue={sup} onIssued={plan.reload} />}
      {sup && plan.data && <PlanForm key={`${year}-${current?.version ?? 0}`} unitId={unitId} year={year} current={current} onSaved={plan.reload} />}
      {plan.data && plan.data.planVersions.length > 0 && (
        <Disclosure summary={`Các phiên bản (${plan.data.planVersions.length})`} testId="plan-versions">
          <ol className="plain-list">
            {plan.data.planVersions.map((v) => (
              <li key={v.id} data-testid="plan-version">
                <Disclosure summary={`Phiên bản ${v.version}${v.latest ? ' (hiện hành)' : ''}: ${v.number} — lưu lúc ${fmtDateTime(v.savedAt)}`}>
                  <PlanFacts p={v} />
                </Disclosure>
              </li>
            ))}
          </ol>
        </Disclosure>
      )}
    </section>
  );
}

function PlanFacts({ p }: { p: PlanView }) {
  return (
    <section className="panel" aria-label={`Kế hoạch số ${p.number}`} data-testid="plan-facts">
      <h2>{p.title}</h2>
      <dl className="plan-facts">
        <dt>Số</dt>
        <dd data-testid="plan-number">{p.number}</dd>
        <dt>Ngày ban hành</dt>
        <dd>{fmtDate(p.issuedOn)}</dd>
        <dt>Phiên bản</dt>
        <dd>
          {p.version}
          {p.savedBy ? ` — ${p.savedBy.fullName}` : ''}
        </dd>
        <dt>Đoàn viên mới</dt>
        <dd>{p.newMembers == null ? 'chưa đặt' : fmtNumber(p.newMembers)}</dd>
        <dt>CĐCS mới</dt>
        <dd>{p.newGrassrootsUnions == null ? 'chưa đặt' : fmtNumber(p.newGrassrootsUnions)}</dd>
        <dt>Tỷ lệ bao phủ</dt>
        <dd>{p.coveragePercent == null ? 'chưa đặt' : `${p.coveragePercent}%`}</dd>
      </dl>
      <h3>Phân công cán bộ</h3>
      {p.assignments.length === 0 && <p className="muted">Chưa phân công.</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Cán bộ</th>
              <th scope="col">Nhiệm vụ</th>
              <th scope="col" className="num">
                Đoàn viên mới
              </th>
              <th scope="col" className="num">
                CĐCS mới
              </th>
            </tr>
          </thead>
          <tbody>
            {p.assignments.map((a) => (
              <tr key={a.officerId}>
                <th scope="row" data-label="Cán bộ">
                  {a.officerName}
                </th>
                <td data-label="Nhiệm vụ">{a.duty}</td>
                <td data-label="Đoàn viên mới" className="num">
                  {a.newMembers == null ? '—' : fmtNumber(a.newMembers)}
                </td>
                <td data-label="CĐCS mới" className="num">
                  {a.newGrassrootsUnions == null ? '—' : fmtNumber(a.newGrassrootsUnions)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PlanForm({ unitId, year, current, onSaved }: { unitId: string; year: number; current: PlanView | null; onSaved: () => void }) {
  const officers = useUnitUsers([{ id: unitId }], 'OFFICER');
  if (officers.loading && !officers.data) return <Loading what="danh sách cán bộ" />;
  return (
    <>
      <ErrorBox error={officers.error} />
      <PlanFormFields unitId={unitId} year={year} current={current} officers={officers.data ?? []} onSaved={onSaved} />
    </>
  );
}

function PlanFormFields(p: { unitId: string; year: number; current: PlanView | null; officers: { id: string; fullName: string }[]; onSaved: () => void }) {
  const c = p.current;
  const byOfficer = new Map((c?.assignments ?? []).map((a) => [a.officerId, a]));
  const initial: Record<string, string> = {
    number: c?.number ?? '',
    issuedOn: c ? fmtDate(c.issuedOn) : todayVn(),
    title: c?.title ?? '',
    newMembers: c?.newMembers == null ? '' : String(c.newMembers),
    newGrassrootsUnions: c?.newGrassrootsUnions == null ? '' : String(c.newGrassrootsUnions),
    coveragePercent: c?.coveragePercent == null ? '' : String(c.coveragePercent),
  };
  for (const o of p.officers) {
    initial[`duty:${o.id}`] = byOfficer.get(o.id)?.duty ?? '';
    initial[`members:${o.id}`] = String(byOfficer.get(o.id)?.newMembers ?? '');
    initial[`unions:${o.id}`] = String(byOfficer.get(o.id)?.newGrassrootsUnions ?? '');
  }
  const f = useForm(initial);
  return (
    <Disclosure summary={c ? `Sửa kế hoạch (lưu thành phiên bản ${c.version + 1})` : `Lập kế hoạch năm ${p.year}`} open={!c} testId="plan-form-box">
      <ActionForm
        title={c ? `Lưu phiên bản ${c.version + 1}` : `Kế hoạch năm ${p.year}`}
        submitLabel="Lưu kế hoạch"
        form={f}
        testId="form-plan"
        conflict="Kế hoạch vừa được người khác lưu; hãy tải lại trang."
        onSubmit={async () => {
          const v = f.values;
          const saved = await gql(PLAN.save, {
            i: {
              orgUnitId: p.unitId,
              year: p.year,
              number: v.number,
              issuedOn: day(v.issuedOn),
              title: v.title,
              newMembers: num(v.newMembers),
              newGrassrootsUnions: num(v.newGrassrootsUnions),
              coveragePercent: num(v.coveragePercent),
              baseVersion: c?.version ?? 0,
              assignments: p.officers
                .filter((o) => String(v[`duty:${o.id}`]).trim())
                .map((o) => ({
                  officerId: o.id,
                  duty: String(v[`duty:${o.id}`]),
                  newMembers: num(v[`members:${o.id}`]),
                  newGrassrootsUnions: num(v[`unions:${o.id}`]),
                })),
            },
          });
          p.onSaved();
          return `Đã lưu kế hoạch, phiên bản ${saved.savePlan.version}.`;
        }}
      >
        <div className="grid-3">
          <TextField label="Số kế hoạch" required hint="Ví dụ 256/KH-CĐYT" {...f.field('number')} />
          <DateField label="Ngày ban hành" required {...f.field('issuedOn')} />
          <TextField label="Tiêu đề" required {...f.field('title')} />
        </div>
        <div className="grid-3">
          <NumberField label="Đoàn viên mới" min={0} {...f.field('newMembers')} />
          <NumberField label="CĐCS mới" min={0} {...f.field('newGrassrootsUnions')} />
          <NumberField label="Tỷ lệ bao phủ (%)" min={0} step="0.1" {...f.field('coveragePercent')} />
        </div>
        <h4>Phân công cán bộ (để trống nhiệm vụ nếu không phân công)</h4>
        {p.officers.map((o) => (
          <div key={o.id} className="grid-3">
            <TextArea label={`Nhiệm vụ — ${o.fullName}`} rows={2} {...f.field(`duty:${o.id}`)} name="assignments" />
            <NumberField label={`Chỉ tiêu đoàn viên — ${o.fullName}`} min={0} {...f.field(`members:${o.id}`)} name="assignments" />
            <NumberField label={`Chỉ tiêu CĐCS — ${o.fullName}`} min={0} {...f.field(`unions:${o.id}`)} name="assignments" />
          </div>
        ))}
      </ActionForm>
    </Disclosure>
  );
}
