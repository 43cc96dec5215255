import { useState } from 'react';
import { gql } from '../../api';
import { fmtDate, parseVnDate } from '../../i18n';
import { MEETINGS, type Meeting } from '../../queries-meetings';
import { DateField, SelectField, TextArea, TextField } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { useUnitUsers } from '../../units';

interface ItemDraft {
  what: string;
  assigneeId: string;
  dueOn: string;
}

/** Holding a meeting: the minutes and the action items; the figures are frozen when it is saved. */
export function HoldForm({ m, onHeld }: { m: Meeting; onHeld: () => void }) {
  const people = useUnitUsers([{ id: m.orgUnitId }]);
  const assignees = (people.data ?? []).filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR').map((u) => ({ value: u.id, label: u.fullName }));
  const f = useForm({ minutes: '' });
  const [items, setItems] = useState<ItemDraft[]>([]);
  const setItem = (i: number, patch: Partial<ItemDraft>) => setItems((list) => list.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <ActionForm
      title="Ghi biên bản và chốt số liệu"
      submitLabel="Chốt số liệu và lưu biên bản"
      form={f}
      testId="form-hold"
      onSubmit={async () => {
        await gql(MEETINGS.hold, {
          i: {
            id: m.id,
            minutes: f.values.minutes,
            actionItems: items.map((a) => ({ what: a.what, assigneeId: a.assigneeId || assignees[0]?.value || '', dueOn: parseVnDate(a.dueOn) })),
          },
        });
        onHeld();
      }}
    >
      <p className="muted small">Số liệu của đơn vị và từng cán bộ đến ngày {fmtDate(m.day)} được chốt một lần khi lưu; sau đó không thay đổi.</p>
      <TextArea label="Biên bản" {...f.field('minutes')} rows={6} required testId="hold-minutes" />
      <h4>Việc cần làm</h4>
      {items.map((a, i) => (
        <fieldset key={i} className="action-item-draft" data-testid="item-draft">
          <legend>Việc {i + 1}</legend>
          <TextField
            label="Nội dung việc"
            name={`actionItems.${i}.what`}
            value={a.what}
            onChange={(v) => setItem(i, { what: v })}
            required
            testId={`item-what-${i}`}
          />
          <SelectField
            label="Người thực hiện"
            name={`actionItems.${i}.assigneeId`}
            value={a.assigneeId || assignees[0]?.value || ''}
            onChange={(v) => setItem(i, { assigneeId: v })}
            options={assignees}
            testId={`item-assignee-${i}`}
          />
          <DateField
            label="Hạn hoàn thành"
            name={`actionItems.${i}.dueOn`}
            value={a.dueOn}
            onChange={(v) => setItem(i, { dueOn: v })}
            required
            testId={`item-due-${i}`}
          />
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setItems((list) => list.filter((_, k) => k !== i))}>
            Bỏ việc này
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        data-testid="add-item"
        onClick={() => setItems((list) => [...list, { what: '', assigneeId: '', dueOn: '' }])}
      >
        Thêm việc cần làm
      </button>
    </ActionForm>
  );
}
