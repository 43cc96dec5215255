import { useEffect } from 'react';
import { gql } from '../../api';
import { M, type OrgUnit, type Pipeline } from '../../queries';
import { ErrorBox } from '../../ui/errors';
import { NumberField, SelectField } from '../../ui/fields';
import { num } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { Disclosure } from '../../ui/page';
import { useUnitUsers } from '../../units';

/**
 * A unit's or an officer's targets for the year. A unit's saved targets fill the fields; a field left empty keeps
 * the saved target (the API's setTarget keeps a figure left out), so a partial save never clears the others.
 */
export function TargetForm({ units, year, pipelines, onSaved }: { units: OrgUnit[]; year: number; pipelines: Pipeline[]; onSaved: () => void }) {
  const savedOf = (who: string) => {
    const p = pipelines.find((x) => `unit:${x.orgUnit.id}` === who);
    const text = (n: number | null | undefined) => (n == null ? '' : String(n));
    return {
      newMembers: text(p?.newMembers.target),
      newGrassrootsUnions: text(p?.newGrassrootsUnions.target),
      coveragePercent: text(p?.coverage.targetPercent),
    };
  };
  const first = `unit:${units[0]?.id ?? ''}`;
  const f = useForm({ who: first, ...savedOf(first) });
  // Another unit or officer picked, or the figures reloaded after a save: the fields show what is saved for it.
  const pipelinesKey = JSON.stringify(pipelines.map((p) => [p.orgUnit.id, p.newMembers.target, p.newGrassrootsUnions.target, p.coverage.targetPercent]));
  useEffect(() => {
    f.setValues((v) => ({ ...v, ...savedOf(v.who) }));
  }, [f.values.who, pipelinesKey]);
  const kept = (s: string) => num(s) ?? undefined;
  const officers = useUnitUsers(units, 'OFFICER');
  const manyUnits = units.length > 1;
  const forUnit = f.values.who.startsWith('unit:');
  return (
    <Disclosure summary={`Đặt chỉ tiêu năm ${year}`}>
      <ActionForm
        title={`Đặt chỉ tiêu năm ${year}`}
        submitLabel="Lưu chỉ tiêu"
        form={f}
        testId="form-target"
        onSubmit={async () => {
          const [kind, id] = f.values.who.split(':');
          await gql(M.setTarget, {
            i: {
              year,
              ...(kind === 'unit' ? { orgUnitId: id } : { officerId: id }),
              newMembers: kept(f.values.newMembers),
              newGrassrootsUnions: kept(f.values.newGrassrootsUnions),
              coveragePercent: kind === 'unit' ? kept(f.values.coveragePercent) : undefined,
            },
          });
          onSaved();
          return 'Đã lưu chỉ tiêu.';
        }}
      >
        {/* A unit or one of its officers ("unit:ID", "officer:ID"); the API names either as orgUnitId. */}
        <SelectField
          label="Áp dụng cho"
          {...f.field('who')}
          name="orgUnitId"
          options={[
            ...units.map((u) => ({ value: `unit:${u.id}`, label: `Đơn vị: ${u.name}` })),
            ...(officers.data ?? []).map((o) => ({
              value: `officer:${o.id}`,
              label: `Cán bộ: ${o.fullName}${manyUnits ? ` (${o.orgUnit.name})` : ''}`,
            })),
          ]}
        />
        <ErrorBox error={officers.error} />
        <p className="muted">Để trống một chỉ tiêu: giữ chỉ tiêu đã đặt.</p>
        <div className="grid-3">
          <NumberField label="Đoàn viên mới" min={0} {...f.field('newMembers')} />
          <NumberField label="CĐCS mới" min={0} {...f.field('newGrassrootsUnions')} />
          {forUnit && <NumberField label="Tỷ lệ bao phủ (%)" min={0} step="0.1" {...f.field('coveragePercent')} />}
        </div>
      </ActionForm>
    </Disclosure>
  );
}
