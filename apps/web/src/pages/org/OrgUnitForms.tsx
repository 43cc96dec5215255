import { gql } from '../../api';
import { CHILD_KIND, ORG_UNIT_KIND_LABEL } from '../../i18n-registers';
import { ORG, type OrgNode, type OrgUnitKind } from '../../queries-accounts';
import { SelectField, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';

const KIND_ORDER: OrgUnitKind[] = ['CONFEDERATION', 'FEDERATION', 'UPPER_LEVEL', 'GRASSROOTS'];

/** The levels a unit may have below it: those lower than its own. */
export function childKinds(kind: OrgUnitKind): OrgUnitKind[] {
  return KIND_ORDER.slice(KIND_ORDER.indexOf(kind) + 1);
}

/** A new unit right below `parent` (createOrgUnit). */
export function AddChildForm({ parent, onDone, onCancel }: { parent: OrgNode; onDone: (message: string) => void; onCancel: () => void }) {
  const f = useForm({ name: '', kind: CHILD_KIND[parent.kind] });
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
        const d = await gql(ORG.create, { i: { name: f.values.name.trim(), kind: f.values.kind, parentId: parent.id } });
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
      </div>
    </ActionForm>
  );
}

/** A new name for a unit (updateOrgUnit). */
export function RenameForm({ unit, onDone, onCancel }: { unit: OrgNode; onDone: (message: string) => void; onCancel: () => void }) {
  const f = useForm({ name: unit.name });
  return (
    <ActionForm
      title={`Đổi tên ${unit.name}`}
      submitLabel="Lưu tên mới"
      form={f}
      className="panel inline-form"
      testId="form-org-rename"
      actions={<CloseButton onClick={onCancel} />}
      onSubmit={async () => {
        const d = await gql(ORG.rename, { i: { id: unit.id, name: f.values.name.trim() } });
        onDone(`Đã đổi tên thành ${d.updateOrgUnit.name}.`);
      }}
    >
      <TextField label="Tên mới" required testId="org-rename-name" {...f.field('name')} />
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
