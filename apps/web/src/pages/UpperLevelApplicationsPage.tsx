import { useMemo, useState } from 'react';
import { gql } from '../api';
import { fmtNumber } from '../i18n';
import { GRASSROOTS } from '../queries-grassroots';
import { useSession } from '../session';
import type { ApplicationStatus } from '../generated/graphql';
import { ErrorBox, Notice } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { ConnectionPager, useCursorPager } from '../ui/pager';
import { useAsync } from '../ui/use-async';
import { useUnits } from '../units';
import { ApplicationForm } from './case/ApplicationForm';
import { APPLICATION_STATUS_FILTER, DecideCell } from './grassroots/application-cells';
import { AdmitApplicationForm } from './grassroots/AdmitApplicationForm';
import { DirectMembersPanel } from './grassroots/DirectMembersPanel';
import { ApplicationsTable } from './grassroots/ApplicationsTable';
import { RejectApplicationForm } from './grassroots/RejectApplicationForm';

export const UPPER_APPLICATIONS_PATH = '/don-gia-nhap';
const PAGE = 25;
/** What admitting a direct application does (ApplicationsService.decide: the member is the upper-level union's own). */
const ADMITTED_HERE =
  'Người lao động được ghi vào sổ đoàn viên của chính công đoàn cấp trên này (sinh hoạt trực tiếp, không thuộc CĐCS nào) từ ngày quyết định, theo số quyết định kết nạp ghi ở đây.';

type Picked = { id: string; fullName: string };

/**
 * Đơn gia nhập gửi công đoàn cấp trên: the applications of workers whose enterprise has no CĐCS, sent directly to an
 * upper-level union of the caller's subtree (upperLevelApplications), pending first. SUPERVISORs and ADMINs admit one
 * (decision number and day) or refuse one with a reason (decideApplication); OFFICERs read them and take new ones
 * (docs/architecture.md#grassroots-unions). Below, the members it admitted so (DirectMembersPanel).
 */
export function UpperLevelApplicationsPage() {
  const { me, sup } = useSession();
  const units = useUnits();
  const options = useMemo(() => {
    const upper = (units.data ?? []).filter((u) => u.kind === 'UPPER_LEVEL');
    return (upper.length || me.orgUnit.kind !== 'UPPER_LEVEL' ? upper : [me.orgUnit]).map((u) => ({ value: u.id, label: u.name }));
  }, [units.data, me]);
  const [chosen, setChosen] = useState<string | null>(null);
  // The caller's own unit first when it is an upper-level union, else the first one of its subtree.
  const unitId = chosen ?? (options.find((o) => o.value === me.orgUnit.id) ?? options[0])?.value ?? null;
  const [status, setStatus] = useState<ApplicationStatus | ''>('SUBMITTED');
  const pager = useCursorPager(`${unitId}:${status}`);
  const [rev, setRev] = useState(0);
  const list = useAsync(
    async () =>
      unitId ? (await gql(GRASSROOTS.upperApplications, { u: unitId, s: status || null, first: PAGE, after: pager.after })).upperLevelApplications : null,
    [unitId, status, pager.after, rev],
    { subject: [unitId] },
  );
  const [admitting, setAdmitting] = useState<Picked | null>(null);
  const [rejecting, setRejecting] = useState<Picked | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (admit: boolean) => (x: Picked) => {
    setNotice(null);
    setAdmitting(admit ? x : null);
    setRejecting(admit ? null : x);
  };
  const done = (message: string) => {
    setAdmitting(null);
    setRejecting(null);
    setNotice(message);
    setRev((r) => r + 1);
  };
  const page = list.data;
  const pending = status === 'SUBMITTED';

  return (
    <section aria-labelledby="upper-applications-title" data-testid="upper-applications-page">
      <PageTitle sub="Đơn của người lao động ở doanh nghiệp chưa có CĐCS, gửi trực tiếp công đoàn cấp trên xét">
        <span id="upper-applications-title">Đơn xin gia nhập công đoàn</span>
        {page && pending && <span className="count"> {fmtNumber(page.totalCount)}</span>}
      </PageTitle>
      <p className="muted small" data-testid="upper-applications-help">
        {sup
          ? 'Kết nạp: ghi số và ngày quyết định kết nạp. '
          : 'Ban Thường vụ (hoặc quản trị) kết nạp hoặc từ chối đơn; cán bộ chuyên trách xem danh sách và nhận đơn mới. '}
        {ADMITTED_HERE} Từ chối: ghi lý do để báo cho người lao động; đơn bị từ chối không thay đổi sổ đoàn viên.
      </p>
      <ErrorBox error={units.error} />
      <div className="toolbar">
        {options.length > 1 && (
          <SelectField label="Công đoàn cấp trên" name="orgUnitId" value={unitId ?? ''} onChange={(v) => setChosen(v)} options={options} />
        )}
        <SelectField<ApplicationStatus | ''>
          label="Tình trạng đơn"
          name="applicationStatus"
          value={status}
          onChange={setStatus}
          options={APPLICATION_STATUS_FILTER}
        />
      </div>
      {units.data && !unitId && <p className="empty-state">Không có công đoàn cấp trên nào trong phạm vi của bạn.</p>}
      {unitId && (
        <Disclosure summary="Nhận đơn xin gia nhập" testId="upper-application-add">
          <ApplicationForm key={unitId} target={{ grassrootsUnionId: unitId }} onApplied={() => setRev((r) => r + 1)} />
        </Disclosure>
      )}
      {notice && <Notice reveal>{notice}</Notice>}
      <ErrorBox error={list.error} />
      {list.loading && !page && <Loading what="đơn xin gia nhập" />}
      {page && page.nodes.length === 0 && <p className="empty-state">{pending ? 'Không có đơn nào đang chờ xét.' : 'Không có đơn nào.'}</p>}
      {page && page.nodes.length > 0 && (
        <>
          <ApplicationsTable
            nodes={page.nodes}
            testId="upper-applications-table"
            action={sup && pending ? (a) => <DecideCell a={a} onAdmit={open(true)} onReject={open(false)} /> : undefined}
          />
          <ConnectionPager connection={page} pager={pager} pageSize={PAGE} testId="upper-applications-pager" what="đơn" />
        </>
      )}
      {admitting && (
        <AdmitApplicationForm key={admitting.id} application={admitting} where={ADMITTED_HERE} onCancel={() => setAdmitting(null)} onAdmitted={done} />
      )}
      {rejecting && <RejectApplicationForm key={rejecting.id} application={rejecting} onCancel={() => setRejecting(null)} onRejected={done} />}
      {unitId && <DirectMembersPanel key={unitId} unitId={unitId} canManage={sup} rev={rev} />}
    </section>
  );
}
