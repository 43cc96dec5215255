import { useState } from 'react';
import { gql } from '../../api';
import { optionsOf, parseVnDate } from '../../i18n';
import { OFFICERS_LABEL, RESTRUCTURE_ACTION_LABEL, TARGETS_LABEL, type RestructureAction } from '../../i18n-restructuring';
import type { OrgNode, UnitLine } from '../../queries-accounts';
import { RESTRUCTURE } from '../../queries-restructuring';
import { DateField, SelectField, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { SplitFields, partOf, splitNames } from './SplitFields';

/**
 * ADMIN: a dated change of `unit` (docs/architecture.md#restructuring): dissolve it into a receiving unit, move it
 * under another parent, rename it, split it into new units, or raise or lower its level (under a new parent if chosen) from a day. A day after today is scheduled (the worker applies it that day).
 */
export function RestructureForm(p: { unit: OrgNode; units: UnitLine[]; onDone: (message: string) => void; onCancel: () => void }) {
  const f = useForm({
    action: 'DISSOLVE' as RestructureAction,
    effectiveOn: '',
    decisionReference: '',
    target: '',
    name: p.unit.name,
    officers: 'MOVE',
    targets: 'MOVE',
    splitNames: '',
    keepOriginal: false as boolean,
  });
  const [assign, setAssign] = useState<Record<string, string>>({});
  const v = f.values;
  const children = p.units.filter((u) => u.parent?.id === p.unit.id && !u.dissolvedAt);
  // Receivers and new parents: units outside this unit's subtree, not dissolved, not CĐCS.
  const below = new Set<string>([p.unit.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of p.units) {
      if (u.parent && below.has(u.parent.id) && !below.has(u.id)) {
        below.add(u.id);
        grew = true;
      }
    }
  }
  const candidates = p.units.filter((u) => !below.has(u.id) && !u.dissolvedAt && u.kind !== 'GRASSROOTS');
  const targetOptions = [{ value: '', label: '— Chọn đơn vị —' }, ...candidates.map((u) => ({ value: u.id, label: u.name }))];
  return (
    <ActionForm
      title={`Sắp xếp tổ chức: ${p.unit.name}`}
      submitLabel={v.action === 'DISSOLVE' ? 'Ghi quyết định giải thể' : 'Ghi quyết định'}
      form={f}
      className="panel inline-form"
      testId="form-org-restructure"
      danger={v.action === 'DISSOLVE'}
      actions={
        <button type="button" className="btn btn-secondary" onClick={p.onCancel}>
          Đóng
        </button>
      }
      onSubmit={async () => {
        const common = { effectiveOn: parseVnDate(v.effectiveOn), decisionReference: v.decisionReference.trim() };
        const change =
          v.action === 'DISSOLVE'
            ? (
                await gql(RESTRUCTURE.dissolve, {
                  i: { id: p.unit.id, transferTo: v.target || null, officers: v.officers as 'MOVE', targets: v.targets as 'MOVE', ...common },
                })
              ).dissolveOrgUnit
            : v.action === 'SPLIT'
              ? (
                  await gql(RESTRUCTURE.split, {
                    i: {
                      id: p.unit.id,
                      keepOriginal: v.keepOriginal,
                      parts: splitNames(v.splitNames).map((name, i) => ({
                        name,
                        childIds: children.filter((c) => partOf(assign, c.id, v.keepOriginal) === i).map((c) => c.id),
                      })),
                      ...common,
                    },
                  })
                ).splitOrgUnit
              : v.action === 'MOVE'
                ? (await gql(RESTRUCTURE.move, { i: { id: p.unit.id, newParentId: v.target, ...common } })).moveOrgUnit
                : v.action === 'UPGRADE'
                  ? (await gql(RESTRUCTURE.upgrade, { i: { id: p.unit.id, newParentId: v.target || null, ...common } })).upgradeOrgUnit
                  : v.action === 'DOWNGRADE'
                    ? (await gql(RESTRUCTURE.downgrade, { i: { id: p.unit.id, newParentId: v.target || null, ...common } })).downgradeOrgUnit
                    : (await gql(RESTRUCTURE.rename, { i: { id: p.unit.id, name: v.name.trim(), ...common } })).renameOrgUnit;
        p.onDone(`${change.status === 'SCHEDULED' ? 'Đã lên lịch' : 'Đã áp dụng'}: ${change.summary} (hiệu lực từ ${v.effectiveOn}).`);
      }}
    >
      <SelectField label="Thay đổi" testId="restructure-action" {...f.field('action')} options={optionsOf(RESTRUCTURE_ACTION_LABEL)} />
      <div className="grid-2">
        <DateField label="Ngày hiệu lực" name="effectiveOn" required testId="restructure-effective-on" value={v.effectiveOn} onChange={f.set('effectiveOn')} />
        <TextField
          label="Quyết định"
          name="decisionReference"
          required
          placeholder="Quyết định số …/QĐ-LĐLĐ ngày …"
          testId="restructure-decision"
          value={v.decisionReference}
          onChange={f.set('decisionReference')}
        />
      </div>
      {v.action === 'RENAME' ? (
        <TextField label="Tên mới" required testId="restructure-name" {...f.field('name')} />
      ) : v.action === 'SPLIT' ? (
        <SplitFields
          children={children}
          names={v.splitNames}
          onNames={f.set('splitNames')}
          keep={v.keepOriginal}
          onKeep={f.set('keepOriginal')}
          assign={assign}
          onAssign={(id, to) => setAssign((a) => ({ ...a, [id]: to }))}
          invalid={f.invalid}
        />
      ) : (
        <SelectField
          label={v.action === 'DISSOLVE' ? 'Đơn vị tiếp nhận' : v.action === 'MOVE' ? 'Đơn vị cấp trên mới' : 'Đơn vị cấp trên mới (nếu thay đổi)'}
          name={v.action === 'DISSOLVE' ? 'transferTo' : 'newParentId'}
          testId="restructure-target"
          value={v.target}
          onChange={f.set('target')}
          options={targetOptions}
        />
      )}
      {v.action === 'DISSOLVE' && (
        <div className="grid-2">
          <SelectField label="Tài khoản cán bộ của đơn vị" testId="restructure-officers" {...f.field('officers')} options={optionsOf(OFFICERS_LABEL)} />
          <SelectField label="Chỉ tiêu năm của đơn vị" testId="restructure-targets" {...f.field('targets')} options={optionsOf(TARGETS_LABEL)} />
        </div>
      )}
      <p className="muted small">
        Ngày hiệu lực từ hôm nay trở về trước (tối đa 31 ngày, sau kỳ đã chốt số liệu) được áp dụng ngay; ngày sau hôm nay được lên lịch và tự áp dụng vào đầu
        ngày đó. Số liệu các kỳ trước ngày hiệu lực giữ nguyên.
      </p>
    </ActionForm>
  );
}
