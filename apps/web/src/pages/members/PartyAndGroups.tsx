import { useState } from 'react';
import { gql } from '../../api';
import { PARTY_GROUPS } from '../../queries-grassroots';
import { PARTY_OUTCOME_LABEL, dmy } from '../../i18n-grassroots';
import { ErrorBox, Notice } from '../../ui/errors';
import { DateField, SelectField, TextField } from '../../ui/fields';
import { day, todayVn } from '../../ui/form-values';
import { ActionForm, useForm } from '../../ui/forms';
import { Disclosure, Loading } from '../../ui/page';
import { useAction } from '../../ui/use-action';
import { useAsync } from '../../ui/use-async';

// A CĐCS's Party recommendations (form 4A-KNĐ) and union groups on its members page
// (docs/architecture.md#party-recommendations-and-union-groups). The upper level reads them; the CĐCS (or ADMIN) writes.

interface Props {
  gid: string;
  canWrite: boolean;
  /** Bumped by the page when the register changed (an admission, a leaving): the active members are read again. */
  rev: number;
}

function useActiveMembers(gid: string, rev: number) {
  return useAsync(async () => (await gql(PARTY_GROUPS.activeMembers, { g: gid })).members.nodes, [gid, rev], { subject: [gid] });
}

/** Giới thiệu đoàn viên ưu tú cho Đảng: tick members → a resolution; then each one's outcome. */
export function PartyRecommendations({ gid, canWrite, rev }: Props) {
  const recs = useAsync(async () => (await gql(PARTY_GROUPS.recommendations, { g: gid, y: null })).partyRecommendations, [gid]);
  const members = useActiveMembers(gid, rev);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const form = useForm({ resolutionNumber: '', resolutionOn: todayVn(), note: '' });
  const outcome = useForm({ pick: '', admitted: 'true', decidedOn: todayVn(), note: '' });
  const toggle = (id: string) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  // Not offered: a member with an open recommendation, or already admitted to the Party (the API refuses both).
  const notOffered = new Set((recs.data ?? []).flatMap((r) => r.members.filter((m) => m.outcome !== 'NOT_ADMITTED').map((m) => m.memberId)));
  const pending = (recs.data ?? []).flatMap((r) =>
    r.members.filter((m) => m.outcome === 'PENDING').map((m) => ({ value: `${r.id}:${m.memberId}`, label: `${m.fullName} (NQ ${r.resolutionNumber})` })),
  );
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
  const shown = (members.data ?? []).filter((m) => !notOffered.has(m.id) && fold(m.fullName).includes(fold(filter.trim())));

  return (
    <Disclosure summary="Giới thiệu đoàn viên ưu tú cho Đảng (mẫu 4A-KNĐ)" testId="party-section">
      <ErrorBox error={recs.error} />
      {recs.loading && !recs.data && <Loading what="nghị quyết giới thiệu" />}
      {recs.data && recs.data.length === 0 && <p className="muted">Chưa có nghị quyết giới thiệu nào.</p>}
      <ul className="plain-list" data-testid="party-list">
        {(recs.data ?? []).map((r) => (
          <li key={r.id} className="panel" data-testid="party-resolution">
            <strong>Nghị quyết {r.resolutionNumber}</strong> <span className="muted">ngày {dmy(r.resolutionOn)}</span>
            {r.note && <p className="muted small">{r.note}</p>}
            <ul>
              {r.members.map((m) => (
                <li key={m.memberId} data-testid="party-member">
                  {m.fullName}: {PARTY_OUTCOME_LABEL[m.outcome]}
                  {m.decidedOn && m.outcome !== 'PENDING' && <span className="muted"> ({dmy(m.decidedOn)})</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>

      {canWrite && (
        <ActionForm
          title={`Nghị quyết giới thiệu (${picked.size} đoàn viên đã chọn)`}
          submitLabel="Ghi nghị quyết"
          form={form}
          testId="party-form"
          onSubmit={async () => {
            const v = form.values;
            const d = await gql(PARTY_GROUPS.recommend, {
              i: {
                grassrootsUnionId: gid,
                resolutionNumber: v.resolutionNumber,
                resolutionOn: day(v.resolutionOn),
                memberIds: [...picked],
                note: v.note || null,
              },
            });
            setPicked(new Set());
            form.setValues({ resolutionNumber: '', resolutionOn: v.resolutionOn, note: '' });
            recs.reload();
            return `Đã ghi nghị quyết ${d.recommendMembersToParty.resolutionNumber} giới thiệu ${d.recommendMembersToParty.members.length} đoàn viên`;
          }}
        >
          <fieldset className="pick-list" data-testid="party-pick">
            <legend>Đoàn viên được giới thiệu</legend>
            <TextField label="Lọc theo tên" name="partyFilter" value={filter} onChange={setFilter} testId="party-filter" />
            {members.loading && !members.data && <Loading what="đoàn viên" />}
            {members.data && shown.length === 0 && <p className="muted small">Không có đoàn viên nào để chọn.</p>}
            <ul className="plain-list pick-options">
              {shown.map((m) => (
                <li key={m.id}>
                  <label>
                    <input type="checkbox" checked={picked.has(m.id)} onChange={() => toggle(m.id)} data-testid="party-pick-member" /> {m.fullName}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextField label="Số nghị quyết" {...form.field('resolutionNumber')} required testId="party-number" />
          <DateField label="Ngày nghị quyết" {...form.field('resolutionOn')} required notAfterToday testId="party-date" />
          <TextField label="Ghi chú" {...form.field('note')} />
        </ActionForm>
      )}

      {canWrite && pending.length > 0 && (
        <ActionForm
          title="Ghi kết quả kết nạp Đảng"
          submitLabel="Ghi kết quả"
          form={outcome}
          testId="party-outcome-form"
          onSubmit={async () => {
            const v = outcome.values;
            const [recommendationId, memberId] = (v.pick || pending[0].value).split(':');
            await gql(PARTY_GROUPS.outcome, {
              i: { recommendationId, memberId, admitted: v.admitted === 'true', decidedOn: day(v.decidedOn), note: v.note || null },
            });
            outcome.setValues({ pick: '', admitted: 'true', decidedOn: v.decidedOn, note: '' });
            recs.reload();
            return v.admitted === 'true' ? 'Đã ghi: được kết nạp Đảng' : 'Đã ghi: chưa được kết nạp';
          }}
        >
          <SelectField label="Đoàn viên" {...outcome.field('pick')} name="memberId" options={pending} testId="party-outcome-member" />
          <SelectField
            label="Kết quả"
            {...outcome.field('admitted')}
            options={[
              { value: 'true', label: 'Được kết nạp Đảng' },
              { value: 'false', label: 'Chưa được kết nạp' },
            ]}
            testId="party-outcome-result"
          />
          <DateField label="Ngày kết nạp / có kết quả" {...outcome.field('decidedOn')} required notAfterToday testId="party-outcome-date" />
          <TextField label="Ghi chú" {...outcome.field('note')} />
        </ActionForm>
      )}
    </Disclosure>
  );
}

/** Tổ công đoàn: the groups a CĐCS keeps, a new group with its leader, a member put in a group. */
export function UnionGroups({ gid, canWrite, rev }: Props) {
  const groups = useAsync(async () => (await gql(PARTY_GROUPS.groups, { g: gid })).unionGroups, [gid]);
  const members = useActiveMembers(gid, rev);
  const create = useForm({ name: '', leaderMemberId: '' });
  const assign = useForm({ memberId: '', unionGroupId: '' });
  const remove = useAction<string>();
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }));
  const groupOf = new Map((groups.data ?? []).flatMap((g) => g.members.map((m) => [m.id, g.name] as const)));

  return (
    <Disclosure summary="Tổ công đoàn" testId="groups-section">
      <ErrorBox error={groups.error ?? remove.error} />
      {remove.done && <Notice>{remove.done}</Notice>}
      {groups.loading && !groups.data && <Loading what="tổ công đoàn" />}
      {groups.data && groups.data.length === 0 && <p className="muted">CĐCS chưa lập tổ công đoàn (báo cáo thống kê để trống chỉ tiêu này).</p>}
      <ul className="plain-list" data-testid="groups-list">
        {(groups.data ?? []).map((g) => (
          <li key={g.id} className="panel" data-testid="group-item">
            <strong>{g.name}</strong> <span className="muted">· {g.members.length} đoàn viên</span>
            <p className="small">Tổ trưởng: {g.leaderName ?? 'chưa có'}</p>
            {g.members.length > 0 && <p className="small muted">{g.members.map((m) => m.fullName).join(', ')}</p>}
            {canWrite && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={remove.busy !== null}
                data-testid="group-remove"
                onClick={() =>
                  remove.run(g.id, async () => {
                    await gql(PARTY_GROUPS.removeGroup, { id: g.id });
                    groups.reload();
                    return `Đã xóa ${g.name}`;
                  })
                }
              >
                Xóa tổ
              </button>
            )}
          </li>
        ))}
      </ul>

      {canWrite && (
        <ActionForm
          title="Thêm tổ công đoàn"
          submitLabel="Thêm tổ"
          form={create}
          testId="group-form"
          onSubmit={async () => {
            const v = create.values;
            const d = await gql(PARTY_GROUPS.saveGroup, { i: { grassrootsUnionId: gid, name: v.name, leaderMemberId: v.leaderMemberId || null } });
            create.setValues({ name: '', leaderMemberId: '' });
            groups.reload();
            return `Đã thêm ${d.saveUnionGroup.name}`;
          }}
        >
          <TextField label="Tên tổ" {...create.field('name')} required testId="group-name" />
          <SelectField
            label="Tổ trưởng"
            {...create.field('leaderMemberId')}
            options={[{ value: '', label: 'Chưa có' }, ...memberOptions]}
            testId="group-leader"
          />
        </ActionForm>
      )}

      {canWrite && (groups.data ?? []).length > 0 && (
        <ActionForm
          title="Xếp đoàn viên vào tổ"
          submitLabel="Xếp vào tổ"
          form={assign}
          testId="group-assign-form"
          onSubmit={async () => {
            const v = assign.values;
            const memberId = v.memberId || memberOptions[0]?.value || '';
            const d = await gql(PARTY_GROUPS.assign, { i: { memberId, unionGroupId: v.unionGroupId || null } });
            groups.reload();
            const to = (groups.data ?? []).find((g) => g.id === v.unionGroupId)?.name;
            return to ? `Đã xếp ${d.assignMemberToUnionGroup.fullName} vào ${to}` : `${d.assignMemberToUnionGroup.fullName} không còn thuộc tổ nào`;
          }}
        >
          <SelectField
            label="Đoàn viên"
            {...assign.field('memberId')}
            options={memberOptions.map((o) => ({ ...o, label: groupOf.has(o.value) ? `${o.label} (${groupOf.get(o.value)})` : o.label }))}
            testId="group-assign-member"
          />
          <SelectField
            label="Tổ công đoàn"
            {...assign.field('unionGroupId')}
            options={[{ value: '', label: 'Không thuộc tổ nào' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
            testId="group-assign-group"
          />
        </ActionForm>
      )}
    </Disclosure>
  );
}
