import { gql } from '../../api';
import { ROLE_LABEL } from '../../i18n';
import { M, Q, type CaseDetail, type Role, type UserRef } from '../../queries';
import { ErrorBox } from '../../ui/errors';
import { SelectField, TextField } from '../../ui/fields';
import { useForm } from '../../ui/forms';
import { Disclosure } from '../../ui/page';
import { useAsync } from '../../ui/use-async';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/**
 * Who the case may be assigned to: the active officers, then the supervisors, of the case's unit
 * (the `users` query), with the current assignee kept even when it is no longer among them.
 */
function useAssignees(c: CaseDetail) {
  return useAsync(
    async () => {
      const { users } = await gql(Q.users, { u: c.orgUnit.id });
      const list: (UserRef & { role?: Role })[] = users
        .filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR')
        .sort((a, b) => (a.role === b.role ? a.fullName.localeCompare(b.fullName, 'vi') : a.role === 'OFFICER' ? -1 : 1));
      if (c.assignee && !list.some((u) => u.id === c.assignee!.id)) list.unshift(c.assignee);
      return list;
    },
    [c.orgUnit.id, c.assignee?.id],
    { subject: [c.orgUnit.id] },
  );
}

/** Assigns (or reassigns) the officer in charge of an open case (supervisors). */
export function AssignForm(props: CaseFormProps) {
  const { c } = props;
  const assignees = useAssignees(c);
  const f = useForm({ assigneeId: '', reason: '' });
  const list = assignees.data ?? [];
  return (
    <Disclosure summary={c.assignee ? 'Phân công lại cán bộ' : 'Phân công cán bộ phụ trách'} open={!c.assignee}>
      <CaseMutationForm
        {...props}
        form={f}
        title="Phân công cán bộ phụ trách"
        submitLabel="Phân công"
        testId="form-assign"
        mutation={M.assign}
        done="Đã phân công cán bộ phụ trách."
        input={() => ({ assigneeId: f.values.assigneeId || null, reason: f.values.reason.trim() || null })}
      >
        <ErrorBox error={assignees.error} />
        <SelectField
          label="Cán bộ"
          required
          {...f.field('assigneeId')}
          hint={`Cán bộ và Ban Thường vụ của ${c.orgUnit.name}`}
          options={[
            { value: '', label: assignees.loading && !assignees.data ? 'Đang tải danh sách cán bộ…' : '— Chọn cán bộ —' },
            ...list.map((u) => ({
              value: u.id,
              label: u.fullName + (u.role === 'SUPERVISOR' ? ` — ${ROLE_LABEL.SUPERVISOR}` : '') + (u.id === c.assignee?.id ? ' (đang phụ trách)' : ''),
            })),
          ]}
        />
        {assignees.data && list.length === 0 && <p className="muted small">Đơn vị chưa có cán bộ nào đang hoạt động.</p>}
        <TextField label="Lý do" {...f.field('reason')} />
      </CaseMutationForm>
    </Disclosure>
  );
}
