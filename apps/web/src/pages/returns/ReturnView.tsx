import { useState } from 'react';
import { gql } from '../../api';
import type { ReturnDetailFragment, ReturnFigureValuesFragment, ReturnPeriodKind } from '../../generated/graphql';
import { fmtDate, fmtDateTime, fmtNumber } from '../../i18n';
import { FigureKey, INDICATORS, INDICATOR_LABEL, RETURN_STATUS_LABEL, VERSION_ACTION_LABEL, periodLabel } from '../../i18n-returns';
import { RETURNS } from '../../queries-returns';
import { useSession } from '../../session';
import { ErrorBox, Notice } from '../../ui/errors';
import { NumberField, TextArea } from '../../ui/fields';
import { ActionForm, useForm } from '../../ui/forms';
import { Loading } from '../../ui/page';
import { useAction } from '../../ui/use-action';
import { useAsync } from '../../ui/use-async';

const LEFT: FigureKey[] = ['leftTransferred', 'leftJob', 'leftWithdrew', 'leftExpelled', 'leftDied', 'leftPaused'];
const STALE = 'Báo cáo vừa được người khác cập nhật — tải lại';

/**
 * A CĐCS's statistics return for one period (docs/architecture.md#statistics-returns): its status, the figures
 * (prefilled from the register; the CĐCS adjusts them with a note, saves, submits; read-only once submitted), the upper
 * level's accept / send back (with a reason), and every version kept.
 */
export function ReturnView({ unitId, kind, year }: { unitId: string; kind: ReturnPeriodKind; year: number }) {
  const { me, sup } = useSession();
  const q = useAsync(async () => (await gql(RETURNS.get, { g: unitId, k: kind, y: year })).statisticsReturn, [unitId, kind, year]);
  const [flash, setFlash] = useState<string | null>(null);
  const r = q.data;
  const canWrite = me.role === 'GRASSROOTS' || me.role === 'ADMIN';
  const editable = !!r && canWrite && (r.status === 'DRAFT' || r.status === 'SENT_BACK');
  const done = (message: string) => {
    setFlash(message);
    q.reload();
  };
  return (
    <section className="return-view" aria-labelledby="return-title" data-testid="return-view">
      <ErrorBox error={q.error} onReload={q.reload} />
      {flash && <Notice reveal>{flash}</Notice>}
      {q.loading && !r && <Loading what="báo cáo thống kê" />}
      {r && (
        <>
          <div className="return-head">
            <h2 id="return-title">
              {periodLabel(r.kind, r.year)} · {r.grassrootsUnionName}
            </h2>
            <p className="muted">
              Mẫu 1-HĐCĐ · số liệu từ {fmtDate(r.periodStart)} đến {fmtDate(r.referenceDay)} · hạn nộp{' '}
              <strong data-testid="return-due">{fmtDate(r.dueOn)}</strong>
            </p>
            <p>
              <span className={`badge badge-return-${r.status.toLowerCase()}`} data-testid="return-status" data-status={r.status}>
                {r.id ? RETURN_STATUS_LABEL[r.status] : 'Chưa lập (số liệu lấy từ sổ đoàn viên)'}
              </span>
              {r.late && (
                <span className="badge badge-overdue" data-testid="return-late">
                  Nộp muộn
                </span>
              )}
              {r.submittedAt && <small className="muted"> · gửi lúc {fmtDateTime(r.submittedAt)}</small>}
              {r.decidedAt && r.status !== 'SUBMITTED' && <small className="muted"> · cấp trên xử lý lúc {fmtDateTime(r.decidedAt)}</small>}
            </p>
            {r.status === 'SENT_BACK' && r.sentBackReason && (
              <div className="alert alert-warning" role="note" data-testid="return-sent-back">
                <strong>Cấp trên trả lại báo cáo:</strong> {r.sentBackReason}
                {canWrite && <div className="small">Hãy sửa số liệu (ghi chú lý do điều chỉnh) rồi gửi lại.</div>}
              </div>
            )}
          </div>
          {editable ? <ReturnForm key={`${r.version}-${r.status}`} r={r} onDone={done} /> : <FiguresTable r={r} />}
          {sup && r.id && r.status === 'SUBMITTED' && <Decision key={r.version} id={r.id} version={r.version} onDone={done} />}
          <Versions r={r} />
        </>
      )}
    </section>
  );
}

function FiguresTable({ r }: { r: ReturnDetailFragment }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table return-figures" data-testid="return-figures">
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col" className="num">
                Báo cáo
              </th>
              <th scope="col" className="num">
                Theo sổ đoàn viên
              </th>
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((k) => (
              <tr key={k} data-testid="return-figure" data-indicator={k}>
                <th scope="row">{INDICATOR_LABEL[k]}</th>
                <td className="num">
                  <strong>{fmtNumber(r.figures[k])}</strong>
                </td>
                <td className={`num${r.prefill[k] !== r.figures[k] ? ' figure-differs' : ''}`}>{fmtNumber(r.prefill[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.note && (
        <p data-testid="return-note">
          <strong>Ghi chú điều chỉnh:</strong> {r.note}
        </p>
      )}
    </>
  );
}

type FormValues = Record<FigureKey, string> & { note: string };

function ReturnForm({ r, onDone }: { r: ReturnDetailFragment; onDone: (message: string) => void }) {
  const initial = { ...Object.fromEntries(INDICATORS.map((k) => [k, String(r.figures[k])])), note: r.note ?? '' } as FormValues;
  const form = useForm<FormValues>(initial);
  const submit = useAction(form);
  const v = form.values;
  const figures = () => Object.fromEntries(INDICATORS.map((k) => [k, Number(v[k])])) as ReturnFigureValuesFragment;
  const n = (k: FigureKey) => Number(v[k]) || 0;
  const expectedEnd = n('membersAtStart') + n('admitted') + n('transferredIn') - LEFT.reduce((s, k) => s + n(k), 0);
  const changed = INDICATORS.filter((k) => v[k].trim() !== String(r.prefill[k]));
  const unsaved = !r.id || INDICATORS.some((k) => v[k].trim() !== String(r.figures[k])) || v.note.trim() !== (r.note ?? '');
  const save = async () =>
    (
      await gql(RETURNS.save, {
        i: { grassrootsUnionId: r.grassrootsUnionId, kind: r.kind, year: r.year, version: r.version, figures: figures(), note: v.note.trim() || null },
      })
    ).saveStatisticsReturn;
  const field = (k: FigureKey) => ({
    ...form.field(k),
    name: `figures.${k}`,
    label: INDICATOR_LABEL[k],
    min: 0,
    required: true,
    testId: `figure-${k}`,
    hint: v[k].trim() !== String(r.prefill[k]) ? `Theo sổ: ${fmtNumber(r.prefill[k])}` : undefined,
  });
  return (
    <ActionForm
      title="Số liệu báo cáo"
      submitLabel="Lưu"
      form={form}
      testId="return-form"
      conflict={STALE}
      onSubmit={async () => {
        await save();
        onDone('Đã lưu báo cáo (chưa gửi cấp trên)');
      }}
      actions={
        <button
          type="button"
          className="btn btn-primary"
          data-testid="return-submit"
          disabled={submit.busy !== null}
          onClick={() =>
            submit.run(true, async () => {
              let { id, version } = r;
              if (unsaved) ({ id, version } = await save());
              const s = (await gql(RETURNS.submit, { i: { id: id!, version } })).submitStatisticsReturn;
              onDone(s.late ? 'Đã gửi báo cáo cho công đoàn cấp trên (sau hạn nộp)' : 'Đã gửi báo cáo cho công đoàn cấp trên');
            })
          }
        >
          {submit.busy ? 'Đang gửi…' : r.status === 'SENT_BACK' ? 'Gửi lại cấp trên' : 'Gửi cấp trên'}
        </button>
      }
    >
      <p className="muted small">
        Số liệu được điền sẵn từ sổ đoàn viên tính đến ngày chốt. Có thể điều chỉnh; khi khác sổ, cần ghi chú lý do. Sau khi gửi, báo cáo chỉ xem, không sửa
        được (trừ khi cấp trên trả lại).
      </p>
      <fieldset className="return-fields">
        <legend>Đầu kỳ và tăng</legend>
        <div className="grid-3">
          {(['membersAtStart', 'admitted', 'transferredIn'] as FigureKey[]).map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
      </fieldset>
      <fieldset className="return-fields">
        <legend>Giảm trong kỳ</legend>
        <div className="grid-3">
          {LEFT.map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
      </fieldset>
      <fieldset className="return-fields">
        <legend>Cuối kỳ</legend>
        <div className="grid-3">
          {(['membersAtEnd', 'womenMembers', 'staffNotMembers'] as FigureKey[]).map((k) => (
            <NumberField key={k} {...field(k)} />
          ))}
        </div>
        <p className={`small ${expectedEnd !== n('membersAtEnd') ? 'field-error' : 'muted'}`} data-testid="return-balance">
          Đầu kỳ + kết nạp + chuyển đến − giảm = {fmtNumber(expectedEnd)}
          {expectedEnd !== n('membersAtEnd') && ' (khác số đoàn viên cuối kỳ)'}
        </p>
      </fieldset>
      <TextArea
        {...form.field('note')}
        label="Ghi chú điều chỉnh"
        testId="return-note-input"
        hint={
          changed.length
            ? `Cần ghi lý do: số liệu khác sổ ở ${changed.map((k) => INDICATOR_LABEL[k].toLowerCase()).join(', ')}`
            : 'Chỉ cần khi số liệu khác sổ đoàn viên'
        }
      />
    </ActionForm>
  );
}

/** The upper level's decision on a submitted return: accept it, or send it back with a reason. */
function Decision({ id, version, onDone }: { id: string; version: number; onDone: (message: string) => void }) {
  const accept = useAction();
  const back = useForm({ reason: '' }, { check: (v) => ({ reason: v.reason.trim() ? undefined : 'Cần ghi lý do trả lại báo cáo để CĐCS sửa' }) });
  return (
    <section className="panel return-decision" aria-label="Duyệt báo cáo" data-testid="return-decision">
      <h3>Duyệt báo cáo</h3>
      <p className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="return-accept"
          disabled={accept.busy !== null}
          onClick={() =>
            accept.run(true, async () => {
              await gql(RETURNS.accept, { i: { id, version } });
              onDone('Đã duyệt báo cáo');
            })
          }
        >
          {accept.busy ? 'Đang gửi…' : 'Duyệt báo cáo'}
        </button>
      </p>
      <ErrorBox error={accept.error} conflict={STALE} reveal />
      <ActionForm
        title="Trả lại để CĐCS sửa"
        submitLabel="Trả lại"
        form={back}
        danger
        conflict={STALE}
        testId="return-send-back"
        onSubmit={async () => {
          await gql(RETURNS.sendBack, { i: { id, version, reason: back.values.reason } });
          onDone('Đã trả lại báo cáo cho CĐCS');
        }}
      >
        <TextArea {...back.field('reason')} label="Lý do trả lại" required testId="return-send-back-reason" />
      </ActionForm>
    </section>
  );
}

function Versions({ r }: { r: ReturnDetailFragment }) {
  if (!r.versions.length) return null;
  return (
    <section aria-labelledby="return-versions-title" className="return-versions">
      <h3 id="return-versions-title">Các phiên bản đã lưu</h3>
      <div className="table-wrap">
        <table className="table stack-table" data-testid="return-versions">
          <thead>
            <tr>
              <th scope="col">Lần</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Lúc</th>
              <th scope="col" className="num">
                Kết nạp mới
              </th>
              <th scope="col" className="num">
                Cuối kỳ
              </th>
              <th scope="col">Ghi chú / lý do</th>
            </tr>
          </thead>
          <tbody>
            {[...r.versions].reverse().map((x) => (
              <tr key={x.version} data-testid="return-version" data-action={x.action}>
                <td data-label="Lần">{x.version}</td>
                <td data-label="Thao tác">{VERSION_ACTION_LABEL[x.action] ?? x.action}</td>
                <td data-label="Lúc">{fmtDateTime(x.at)}</td>
                <td data-label="Kết nạp mới" className="num">
                  {fmtNumber(x.figures.admitted)}
                </td>
                <td data-label="Cuối kỳ" className="num">
                  {fmtNumber(x.figures.membersAtEnd)}
                </td>
                <td data-label="Ghi chú / lý do">{x.action === 'SEND_BACK' ? x.reason : x.action === 'SAVE' ? x.note : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
