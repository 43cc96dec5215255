import { useState } from 'react';
import { gql } from '../api';
import { GRASSROOTS } from '../queries-grassroots';
import { useSession } from '../session';
import { ErrorBox } from '../ui/errors';
import { DateField, SelectField, TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { day, todayVn } from '../ui/form-values';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { Pager, useCursorPager, useDebounced } from '../ui/pager';
import { useAsync } from '../ui/use-async';
import type { MemberStatus, Sex } from '../generated/graphql';

const PAGE = 25;
const STATUS_LABEL: Record<MemberStatus, string> = { NOT_MEMBER: 'Chưa là đoàn viên', MEMBER: 'Đoàn viên', LEFT: 'Đã ra khỏi tổ chức' };
const LEAVE_LABEL: Record<string, string> = {
  TRANSFERRED: 'Chuyển sinh hoạt',
  LEFT_JOB: 'Nghỉ việc',
  WITHDREW: 'Xin ra',
  EXPELLED: 'Bị khai trừ',
  DIED: 'Từ trần',
  PAUSED: 'Tạm dừng sinh hoạt',
};
const dmy = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '');

/**
 * Đoàn viên: a CĐCS's staff list and member register (its chair's home page): search (without diacritics too),
 * status filter, people added one by one, and the ones ticked admitted by one admission decision.
 */
export function MembersPage({ unitId }: { unitId?: string }) {
  const { me } = useSession();
  const gid = unitId ?? me.orgUnit.id;
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const applied = useDebounced(JSON.stringify({ search, status }), 300);
  const pager = useCursorPager(applied);
  const list = useAsync(async () => {
    const f = JSON.parse(applied) as { search: string; status: MemberStatus | '' };
    return (await gql(GRASSROOTS.members, { g: gid, f: { search: f.search || null, status: f.status || null }, first: PAGE, after: pager.after })).members;
  }, [gid, applied, pager.after]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const staff = useForm({ fullName: '', citizenId: '', birthDate: '', sex: 'FEMALE' as string, job: '' });
  const decision = useForm({ decisionNumber: '', decidedOn: todayVn(), signer: '' });
  const page = list.data;

  return (
    <section aria-labelledby="members-title" data-testid="members-page">
      <PageTitle sub={`${me.orgUnit.name}: người lao động, đoàn viên, kết nạp`}>
        <span id="members-title">Đoàn viên</span>
      </PageTitle>

      <Disclosure summary="Thêm người lao động" testId="staff-add">
        <ActionForm
          title="Thêm người lao động"
          submitLabel="Thêm"
          form={staff}
          testId="staff-form"
          onSubmit={async () => {
            const v = staff.values;
            const d = await gql(GRASSROOTS.addStaff, {
              i: { grassrootsUnionId: gid, fullName: v.fullName, citizenId: v.citizenId, birthDate: day(v.birthDate), sex: v.sex as Sex, job: v.job || null },
            });
            staff.setValues({ fullName: '', citizenId: '', birthDate: '', sex: v.sex, job: '' });
            list.reload();
            return `Đã thêm ${d.addStaff.fullName}`;
          }}
        >
          <TextField label="Họ và tên" {...staff.field('fullName')} required testId="staff-name" />
          <TextField label="Số CCCD" {...staff.field('citizenId')} required testId="staff-citizen-id" hint="12 chữ số" />
          <DateField label="Ngày sinh" {...staff.field('birthDate')} required testId="staff-birth-date" />
          <SelectField
            label="Giới tính"
            {...staff.field('sex')}
            options={[
              { value: 'FEMALE', label: 'Nữ' },
              { value: 'MALE', label: 'Nam' },
            ]}
          />
          <TextField label="Công việc" {...staff.field('job')} />
        </ActionForm>
      </Disclosure>

      <div className="toolbar">
        <TextField label="Tìm theo tên hoặc số CCCD" name="search" value={search} onChange={setSearch} testId="members-search" />
        <SelectField<MemberStatus | ''>
          label="Trạng thái"
          name="status"
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: 'Tất cả' }, ...(Object.keys(STATUS_LABEL) as MemberStatus[]).map((s) => ({ value: s, label: STATUS_LABEL[s] }))]}
        />
      </div>

      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="danh sách" />}
      {page && (
        <>
          <Pager
            page={pager.page}
            pageSize={PAGE}
            shown={page.nodes.length}
            total={page.totalCount}
            hasNext={page.pageInfo.hasNextPage}
            onPrev={pager.prev}
            onNext={() => pager.next(page.pageInfo.endCursor)}
            testId="members-pager"
            what="người"
          />
          <div className="table-wrap">
            <table className="table" data-testid="members-table">
              <thead>
                <tr>
                  <th scope="col">Chọn</th>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Số CCCD</th>
                  <th scope="col">Ngày sinh</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((n) => (
                  <tr key={n.id} data-testid="member-row">
                    <td>
                      {n.status !== 'MEMBER' && (
                        <input type="checkbox" aria-label={`Chọn ${n.fullName}`} checked={picked.has(n.id)} onChange={() => toggle(n.id)} />
                      )}
                    </td>
                    <td>
                      {n.fullName}
                      {n.job && <small className="muted"> · {n.job}</small>}
                    </td>
                    <td>{n.citizenId ?? ''}</td>
                    <td>{dmy(n.birthDate)}</td>
                    <td>
                      {STATUS_LABEL[n.status]}
                      {n.status === 'MEMBER' && n.admittedOn && <small className="muted"> từ {dmy(n.admittedOn)}</small>}
                      {n.transferredIn && <small className="muted"> (chuyển đến)</small>}
                      {n.status === 'LEFT' && n.leftReason && <small className="muted"> · {LEAVE_LABEL[n.leftReason]}</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <ActionForm
        title={`Quyết định kết nạp (${picked.size} người đã chọn)`}
        submitLabel="Kết nạp"
        form={decision}
        testId="admit-form"
        onSubmit={async () => {
          const v = decision.values;
          const d = await gql(GRASSROOTS.admit, {
            i: { grassrootsUnionId: gid, decisionNumber: v.decisionNumber, decidedOn: day(v.decidedOn), signer: v.signer, memberIds: [...picked] },
          });
          setPicked(new Set());
          list.reload();
          return `Đã kết nạp ${d.admitMembers.memberIds.length} đoàn viên theo quyết định ${d.admitMembers.number}`;
        }}
      >
        <TextField label="Số quyết định" {...decision.field('decisionNumber')} required testId="admit-number" />
        <DateField label="Ngày quyết định" {...decision.field('decidedOn')} required testId="admit-date" />
        <TextField label="Người ký" {...decision.field('signer')} required testId="admit-signer" />
      </ActionForm>
    </section>
  );
}
