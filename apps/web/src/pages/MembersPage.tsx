import { useState } from 'react';
import { downloadWithToken, gql } from '../api';
import { Link } from '../router';
import { MemberPanel } from './members/MemberPanel';
import { PartyRecommendations, UnionGroups } from './members/PartyAndGroups';
import { AdmissionDecisionsPanel } from './grassroots/AdmissionDecisionsPanel';
import { ApplicationsPanel } from './grassroots/ApplicationsPanel';
import { STAFF_IMPORT_PATH } from './StaffImportPage';
import { GRASSROOTS } from '../queries-grassroots';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { useAction } from '../ui/use-action';
import { DateField, SelectField, TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { day, todayVn } from '../ui/form-values';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager, useDebounced } from '../ui/pager';
import { useAsync } from '../ui/use-async';
import type { MemberStatus, Sex } from '../generated/graphql';
import { LEAVE_LABEL, STATUS_LABEL, dmy } from '../i18n-grassroots';

const PAGE = 25;

/**
 * Đoàn viên: a CĐCS's staff list and member register (its chair's home page): search (without diacritics too),
 * status filter, people added one by one, the applications sent to it, the people and applications ticked admitted
 * by one admission decision, and its admission decisions with their documents.
 */
export function MembersPage({ unitId, unitName }: { unitId?: string; unitName?: string }) {
  const { me } = useSession();
  const gid = unitId ?? me.orgUnit.id;
  // The upper level reads a CĐCS's register; its own chair (or an ADMIN) changes it.
  const canWrite = me.role === 'GRASSROOTS' || me.role === 'ADMIN';
  // A supervisor of the upper level decides its applications one by one (decideApplication), not by admitMembers.
  const canDecide = me.role === 'SUPERVISOR';
  const [open, setOpen] = useState<string | null>(null);
  const download = useAction();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const applied = useDebounced(JSON.stringify({ search, status }), 300);
  const pager = useCursorPager(applied);
  const list = useAsync(
    async () => {
      const f = JSON.parse(applied) as { search: string; status: MemberStatus | '' };
      return (await gql(GRASSROOTS.members, { g: gid, f: { search: f.search || null, status: f.status || null }, first: PAGE, after: pager.after })).members;
    },
    [gid, applied, pager.after],
    { subject: [gid] },
  );
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // Pending applications ticked for the same decision (admitMembers' applicationIds).
  const [pickedApps, setPickedApps] = useState<Set<string>>(new Set());
  // The admission just recorded: opened in the decisions' list, with its official decision (numbered, DOCX and PDF).
  const [admitted, setAdmitted] = useState<string | null>(null);
  const toggleIn = (set: typeof setPicked) => (id: string) => set((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const toggle = toggleIn(setPicked);
  const staff = useForm({ fullName: '', citizenId: '', birthDate: '', sex: 'FEMALE' as string, job: '' });
  const decision = useForm({ decisionNumber: '', decidedOn: todayVn(), signer: '' });
  const page = list.data;
  // Bumped when the register changes, so the Party and union-group sections read the active members again.
  const [rev, setRev] = useState(0);

  return (
    <section aria-labelledby="members-title" data-testid="members-page">
      <PageTitle sub={`${unitName ?? me.orgUnit.name}: người lao động, đoàn viên, kết nạp`}>
        <span id="members-title">Đoàn viên</span>
      </PageTitle>

      <p className="form-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="members-export"
          disabled={download.busy !== null}
          onClick={() =>
            download.run(
              true,
              async () =>
                `Đã tải về ${await downloadWithToken(`/registers/members.xlsx?grassrootsUnionId=${encodeURIComponent(gid)}`, 'danh-sach-nguoi-lao-dong.xlsx')}`,
            )
          }
        >
          {download.busy ? 'Đang tải…' : 'Xuất Excel'}
        </button>
        {canWrite && !unitId && (
          <Link to={STAFF_IMPORT_PATH} className="btn btn-secondary" data-testid="members-import">
            Nhập danh sách từ tệp
          </Link>
        )}
      </p>
      <ErrorBox error={download.error} />
      {download.done && <Notice>{download.done}</Notice>}

      {open && (
        <MemberPanel
          key={open}
          id={open}
          canWrite={canWrite}
          onChanged={() => {
            list.reload();
            setRev((r) => r + 1);
          }}
          onClose={() => setOpen(null)}
        />
      )}

      {canWrite && (
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
      )}

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
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="members-pager" what="người" />
          <div className="table-wrap">
            <table className="table" data-testid="members-table">
              <thead>
                <tr>
                  {canWrite && <th scope="col">Chọn</th>}
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Số CCCD</th>
                  <th scope="col">Ngày sinh</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((n) => (
                  <tr key={n.id} data-testid="member-row">
                    {canWrite && (
                      <td>
                        {n.status !== 'MEMBER' && (
                          <input type="checkbox" aria-label={`Chọn ${n.fullName}`} checked={picked.has(n.id)} onChange={() => toggle(n.id)} />
                        )}
                      </td>
                    )}
                    <td>
                      <button type="button" className="link-button" onClick={() => setOpen(n.id)} data-testid="member-open">
                        {n.fullName}
                      </button>
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

      <ApplicationsPanel
        gid={gid}
        canWrite={canWrite}
        canDecide={canDecide}
        picked={pickedApps}
        onToggle={toggleIn(setPickedApps)}
        rev={rev}
        onRejected={(id) => setPickedApps((s) => new Set([...s].filter((x) => x !== id)))}
        onAdmitted={() => {
          list.reload();
          setRev((r) => r + 1);
        }}
      />

      {canWrite && (
        <ActionForm
          title={`Quyết định kết nạp (${picked.size} người${pickedApps.size ? `, ${pickedApps.size} đơn` : ''} đã chọn)`}
          submitLabel="Kết nạp"
          form={decision}
          testId="admit-form"
          onSubmit={async () => {
            const v = decision.values;
            const d = await gql(GRASSROOTS.admit, {
              i: {
                grassrootsUnionId: gid,
                decisionNumber: v.decisionNumber || null,
                decidedOn: day(v.decidedOn),
                signer: v.signer || null,
                memberIds: [...picked],
                applicationIds: [...pickedApps],
              },
            });
            setPicked(new Set());
            setPickedApps(new Set());
            setAdmitted(d.admitMembers.id);
            list.reload();
            setRev((r) => r + 1);
            return `Đã kết nạp ${d.admitMembers.memberIds.length} đoàn viên theo quyết định ${d.admitMembers.number}`;
          }}
        >
          <p className="muted small">Để trống số quyết định: hệ thống cấp số theo sổ văn bản của CĐCS và tạo luôn quyết định kết nạp.</p>
          <TextField label="Số quyết định (để trống để lấy số theo sổ)" {...decision.field('decisionNumber')} testId="admit-number" />
          <DateField label="Ngày quyết định" {...decision.field('decidedOn')} required testId="admit-date" />
          <TextField label="Người ký (để trống: người ký trong cài đặt văn bản)" {...decision.field('signer')} testId="admit-signer" />
        </ActionForm>
      )}

      <AdmissionDecisionsPanel gid={gid} canWrite={canWrite} rev={rev} openId={admitted} />

      <PartyRecommendations gid={gid} canWrite={canWrite} rev={rev} />
      <UnionGroups gid={gid} canWrite={canWrite} rev={rev} />
    </section>
  );
}
