import { gql } from '../../api';
import { CHILD_KIND, ORG_UNIT_KIND_LABEL } from '../../i18n-registers';
import { ORG, type OrgNode, type OrgUnitKind } from '../../queries-accounts';
import { fmtDate } from '../../i18n';
import { DateField, SelectField, TextField } from '../../ui/fields';
import { day } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';

// Why the founding day matters to whoever types it (docs/architecture.md#statistics-returns).
const ESTABLISHED_HINT = 'Để trống: hôm nay. Đơn vị đã có từ trước: ghi ngày thành lập, để tính đúng các kỳ báo cáo thống kê phải nộp';

const KIND_ORDER: OrgUnitKind[] = ['CONFEDERATION', 'FEDERATION', 'UPPER_LEVEL', 'GRASSROOTS'];

/** The levels a unit may have below it: those lower than its own. */
export function childKinds(kind: OrgUnitKind): OrgUnitKind[] {
  return KIND_ORDER.slice(KIND_ORDER.indexOf(kind) + 1);
}

/** A new unit right below `parent` (createOrgUnit). */
export function AddChildForm({ parent, onDone, onCancel }: { parent: OrgNode; onDone: (message: string) => void; onCancel: () => void }) {
  const f = useForm({ name: '', kind: CHILD_KIND[parent.kind], establishedOn: '' });
  return (
    <ActionForm
      title={`Thêm đơn vị trực thuộc ${parent.name}`}
      submitLabel="Thêm đơn vị"
      form={f}
      className="panel inline-form"
      testId="form-org-create"
      conflict="Đã có đơn vị cùng tên ở cấp này."
      actions={<CloseButton onClick={onCancel} />}
      onSubmit={async () => {
        const established = f.values.establishedOn.trim() ? day(f.values.establishedOn) : null;
        const d = await gql(ORG.create, { i: { name: f.values.name.trim(), kind: f.values.kind, parentId: parent.id, establishedOn: established } });
        onDone(`Đã thêm đơn vị ${d.createOrgUnit.name}.`);
      }}
    >
      <div className="grid-2">
        <TextField label="Tên đơn vị" required testId="org-create-name" {...f.field('name')} />
        <SelectField
          label="Cấp đơn vị"
          testId="org-create-kind"
          {...f.field('kind')}
          options={childKinds(parent.kind).map((k) => ({ value: k, label: ORG_UNIT_KIND_LABEL[k] }))}
        />
        <DateField label="Ngày thành lập" notAfterToday hint={ESTABLISHED_HINT} testId="org-create-established" {...f.field('establishedOn')} />
      </div>
    </ActionForm>
  );
}

/** A unit's name and founding day, corrected (updateOrgUnit). */
export function RenameForm({ unit, onDone, onCancel }: { unit: OrgNode; onDone: (message: string) => void; onCancel: () => void }) {
  const f = useForm({ name: unit.name, establishedOn: fmtDate(unit.establishedOn) });
  return (
    <ActionForm
      title={`Sửa tên, ngày thành lập: ${unit.name}`}
      submitLabel="Lưu"
      form={f}
      className="panel inline-form"
      testId="form-org-rename"
      actions={<CloseButton onClick={onCancel} />}
      onSubmit={async () => {
        const d = await gql(ORG.rename, { i: { id: unit.id, name: f.values.name.trim(), establishedOn: day(f.values.establishedOn) } });
        onDone(`Đã lưu ${d.updateOrgUnit.name} (thành lập ${fmtDate(d.updateOrgUnit.establishedOn)}).`);
      }}
    >
      <div className="grid-2">
        <TextField label="Tên mới" required testId="org-rename-name" {...f.field('name')} />
        <DateField label="Ngày thành lập" required notAfterToday testId="org-rename-established" {...f.field('establishedOn')} />
      </div>
    </ActionForm>
  );
}

function CloseButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="btn btn-secondary" onClick={onClick}>
      Đóng
    </button>
  );
}
