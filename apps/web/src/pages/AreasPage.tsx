import { useState } from 'react';
import { gql } from '../api';
import { fmtNumber } from '../i18n';
import { PLAN } from '../queries-plan';
import { REGISTER } from '../queries-register';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { CheckboxField, SelectField, TextArea } from '../ui/fields';
import { lines } from '../ui/form-values';
import { ActionForm, useForm } from '../ui/forms';
import { Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { useUnitUsers } from '../units';
import { AreaCoverage } from './plan/AreaCoverage';
import '../styles-plan.css';

export const AREAS_PATH = '/dia-ban';

/** Each officer's area (enterprises and/or districts/communes) with its coverage; supervisors assign them. */
export function AreasPage() {
  const { me, sup } = useSession();
  const unitId = me.orgUnit.id;
  const [saved, setSaved] = useState(0);
  return (
    <section aria-labelledby="areas-title">
      <PageTitle sub="Giao cho mỗi cán bộ doanh nghiệp và/hoặc huyện, xã phụ trách; hồ sơ mới mở được giao cho cán bộ của địa bàn">
        <span id="areas-title">Địa bàn cán bộ</span>
      </PageTitle>
      <AreaCoverage unitId={unitId} reloadKey={saved} />
      {sup && <AreaForm unitId={unitId} onSaved={() => setSaved((n) => n + 1)} />}
    </section>
  );
}

function AreaForm({ unitId, onSaved }: { unitId: string; onSaved: () => void }) {
  const officers = useUnitUsers([{ id: unitId }], 'OFFICER');
  const areas = useAsync(async () => (await gql(PLAN.areas, { u: unitId })).officerAreas, [unitId]);
  const enterprises = useAsync(async () => (await gql(REGISTER.list, { f: { orgUnitId: unitId }, first: 200 })).enterprises.nodes, [unitId]);
  const f = useForm({ officerId: '', districts: '', shared: false as boolean });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  if ((officers.loading && !officers.data) || (enterprises.loading && !enterprises.data)) return <Loading what="danh sách" />;
  const choose = (officerId: string) => {
    const a = areas.data?.find((x) => x.officerId === officerId);
    f.setValues({ officerId, districts: (a?.districts ?? []).join('\n'), shared: a?.shared ?? false });
    setPicked(new Set((a?.enterprises ?? []).map((e) => e.id)));
  };
  return (
    <>
      <ErrorBox error={officers.error ?? enterprises.error ?? areas.error} />
      <ActionForm
        title="Giao địa bàn"
        submitLabel="Lưu địa bàn"
        form={f}
        testId="form-area"
        onSubmit={async () => {
          const r = await gql(PLAN.saveArea, {
            i: { officerId: f.values.officerId, districts: lines(f.values.districts), enterpriseIds: [...picked], shared: f.values.shared },
          });
          onSaved();
          areas.reload();
          const a = r.saveOfficerArea;
          return `Đã lưu địa bàn: ${fmtNumber(a.enterpriseCount)} doanh nghiệp, ${fmtNumber(a.focusWithUnion)}/${fmtNumber(a.focus)} doanh nghiệp từ 25 lao động có công đoàn.`;
        }}
      >
        <SelectField
          label="Cán bộ"
          required
          name="officerId"
          value={f.values.officerId}
          onChange={choose}
          options={[{ value: '', label: '— Chọn cán bộ —' }, ...(officers.data ?? []).map((o) => ({ value: o.id, label: o.fullName }))]}
        />
        <TextArea label="Huyện/xã phụ trách (mỗi dòng một nơi, ghi như trong sổ doanh nghiệp)" rows={3} {...f.field('districts')} />
        <fieldset className="pick-list" aria-label="Doanh nghiệp phụ trách" data-testid="area-enterprises">
          <legend>Doanh nghiệp phụ trách ({fmtNumber(picked.size)} đã chọn)</legend>
          {(enterprises.data ?? []).map((e) => (
            <label key={e.id}>
              <input
                type="checkbox"
                name="enterpriseIds"
                checked={picked.has(e.id)}
                onChange={(ev) => {
                  const next = new Set(picked);
                  if (ev.target.checked) next.add(e.id);
                  else next.delete(e.id);
                  setPicked(next);
                }}
              />
              <span>
                {e.name}{' '}
                <span className="muted small">
                  ({e.district ?? 'chưa ghi huyện/xã'}, {fmtNumber(e.workerCount)} lao động)
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <CheckboxField label="Địa bàn dùng chung (được trùng với địa bàn dùng chung khác)" {...f.checkbox('shared')} />
      </ActionForm>
    </>
  );
}
