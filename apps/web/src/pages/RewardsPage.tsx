import { useState } from 'react';
import { gql, unlessMissing } from '../api';
import { NOMINATION_STATUS_LABEL, fmtDecimal, fmtNumber, fmtPeriod, vnYear, labelOf, optionsOf } from '../i18n';
import { REWARDS, type Nomination, type PeriodKind } from '../queries';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { SelectField, TextField } from '../ui/fields';
import { ActionForm, useForm } from '../ui/forms';
import { Disclosure, Loading, PageTitle } from '../ui/page';
import { useAction } from '../ui/use-action';
import { useAsync } from '../ui/use-async';
import { useUnits } from '../units';

export function RewardsPage() {
  const { me, sup } = useSession();
  const units = useUnits();
  const [status, setStatus] = useState('');
  const list = useAsync(async () => {
    const answer = await unlessMissing(gql(REWARDS.list, {}));
    return answer === 'missing' ? answer : answer.rewardNominations;
  }, []);
  const items = list.data === 'missing' ? [] : (list.data ?? []).filter((n) => !status || n.status === status);

  return (
    <section aria-labelledby="rw-title">
      <PageTitle sub="Đề xuất khen thưởng cán bộ và CĐCS theo kết quả so với chỉ tiêu (năm, Tháng Công nhân, ngày thành lập Công đoàn Việt Nam 28/7)">
        <span id="rw-title">Khen thưởng</span>
      </PageTitle>
      {list.data === 'missing' ? (
        <div className="alert alert-info" role="status">
          Máy chủ chưa hỗ trợ chức năng khen thưởng. Vui lòng quay lại sau.
        </div>
      ) : (
        <>
          {sup && <EvaluateForm units={(units.data ?? []).length ? units.data! : [me.orgUnit]} defaultUnit={me.orgUnit.id} onDone={list.reload} />}
          <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc đề xuất">
            <SelectField
              label="Trạng thái"
              name="status"
              value={status}
              onChange={setStatus}
              options={[{ value: '', label: 'Tất cả' }, ...optionsOf(NOMINATION_STATUS_LABEL)]}
            />
            <p className="filters-summary">
              <strong>{fmtNumber(items.length)}</strong> đề xuất
            </p>
          </form>
          <ErrorBox error={list.error} />
          {list.loading && !list.data && <Loading what="đề xuất" />}
          {list.data &&
            items.length === 0 &&
            (list.data.length ? <p className="empty-state">Không có đề xuất nào ở trạng thái này.</p> : <NoNominations sup={sup} />)}
          <ul className="nomination-list" data-testid="nominations">
            {items.map((n) => (
              <NominationItem key={n.id} n={n} canDecide={sup && n.officer?.id !== me.id} onDecided={list.reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * What starts an evaluation (RewardScheduleService, RewardsService.evaluate): the worker's daily check
 * at 01:00 schedules one per upper-level union on each occasion's due day (1 Jan, 1 Jun, 20 Jul,
 * catching up within 7 days), and a supervisor or admin may evaluate at any time.
 */
function NoNominations({ sup }: { sup: boolean }) {
  return (
    <div className="empty-state" data-testid="rewards-empty">
      <p>Chưa có đề xuất khen thưởng nào.</p>
      <p>
        Đề xuất được lập khi đánh giá một đợt khen thưởng, theo kết quả phát triển đoàn viên và thành lập CĐCS so với chỉ tiêu. Hệ thống tự đánh giá cho từng
        công đoàn cấp trên vào khoảng 1 giờ sáng các ngày 1/1 (tổng kết năm trước), 1/6 (Tháng Công nhân) và 20/7 (kỷ niệm ngày thành lập Công đoàn Việt Nam
        28/7).
      </p>
      <p>
        {sup
          ? 'Ban Thường vụ và Quản trị có thể đánh giá bất cứ lúc nào bằng mục «Đánh giá khen thưởng theo đợt» ở trên; một đợt chưa kết thúc được đánh giá tạm theo số liệu đến hôm nay.'
          : 'Ngoài các ngày đó, Ban Thường vụ có thể đánh giá một đợt bất cứ lúc nào; đề xuất sẽ hiện ở đây.'}
      </p>
    </div>
  );
}

function NominationItem({ n, canDecide, onDecided }: { n: Nomination; canDecide: boolean; onDecided: () => void }) {
  const [note, setNote] = useState('');
  const decision = useAction();
  const busy = decision.busy !== null;
  const decide = (approve: boolean) =>
    decision.run(true, async () => {
      await gql(REWARDS.decide, { id: n.id, approve, note: note.trim() || null });
      onDecided();
      return approve ? 'Đã duyệt đề xuất.' : 'Đã từ chối đề xuất.';
    });
  return (
    <li className="panel nomination" data-testid="nomination">
      <div className="report-head">
        <h2>{n.nominee}</h2>
        <span className={`badge badge-nom-${n.status.toLowerCase()}`}>{labelOf(NOMINATION_STATUS_LABEL, n.status)}</span>
      </div>
      <p className="muted small">
        {occasionLabel(n.periodKind, n.periodStart)} · {n.officer ? 'Cán bộ' : 'Công đoàn cơ sở'} · điểm <strong>{fmtDecimal(n.score)}</strong>
      </p>
      <p className="basis">{n.basis}</p>
      {n.status === 'PROPOSED' && canDecide && (
        <div className="decide">
          <TextField label="Ý kiến (không bắt buộc)" name={`note-${n.id}`} value={note} onChange={setNote} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => decide(true)}>
              Duyệt
            </button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => decide(false)}>
              Từ chối
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={decision.error} reveal conflict="Đề xuất đã được người khác xử lý — tải lại trang." />
      {decision.done && <Notice reveal>{decision.done}</Notice>}
    </li>
  );
}

function occasionLabel(kind: string, start: string): string {
  const y = Number(start.slice(0, 4));
  if (kind === 'YEAR' && start.endsWith('-08-01')) return `Kỷ niệm ngày thành lập Công đoàn Việt Nam 28/7/${y + 1}`;
  if (kind === 'MONTH' && start.endsWith('-05-01')) return `Tháng Công nhân năm ${y}`;
  if (kind === 'YEAR' && start.endsWith('-01-01')) return `Tổng kết năm ${y}`;
  return fmtPeriod(kind, start);
}

/** The reward occasions: the year's end, Workers' Month (May), the union's anniversary (28 July; 1 Aug – 31 Jul). */
function occasions(year: number): { value: string; label: string; kind: PeriodKind; start: string }[] {
  return [
    { value: `YEAR:${year}-01-01`, label: `Tổng kết năm ${year}`, kind: 'YEAR', start: `${year}-01-01` },
    { value: `MONTH:${year}-05-01`, label: `Tháng Công nhân năm ${year}`, kind: 'MONTH', start: `${year}-05-01` },
    { value: `YEAR:${year - 1}-08-01`, label: `Kỷ niệm ngày thành lập Công đoàn Việt Nam 28/7/${year}`, kind: 'YEAR', start: `${year - 1}-08-01` },
  ];
}

function EvaluateForm({ units, defaultUnit, onDone }: { units: { id: string; name: string }[]; defaultUnit: string; onDone: () => void }) {
  const y = vnYear();
  const options = [...occasions(y), ...occasions(y - 1)];
  const f = useForm({ orgUnitId: defaultUnit, occasion: options[0].value });
  return (
    <Disclosure summary="Đánh giá khen thưởng theo đợt">
      <ActionForm
        title="Đánh giá và lập đề xuất khen thưởng"
        submitLabel="Đánh giá"
        form={f}
        testId="form-evaluate"
        onSubmit={async () => {
          const o = options.find((x) => x.value === f.values.occasion) ?? options[0];
          const d = await gql(REWARDS.evaluate, { u: f.values.orgUnitId, k: o.kind, p: o.start });
          onDone();
          return `Đã lập ${fmtNumber(d.evaluateRewards.length)} đề xuất: ${o.label}.`;
        }}
      >
        <div className="grid-2">
          <SelectField label="Đơn vị" {...f.field('orgUnitId')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          {/* An occasion is a period: the API names its first day periodStart. */}
          <SelectField label="Đợt khen thưởng" {...f.field('occasion')} name="periodStart" options={options.map(({ value, label }) => ({ value, label }))} />
        </div>
      </ActionForm>
    </Disclosure>
  );
}
