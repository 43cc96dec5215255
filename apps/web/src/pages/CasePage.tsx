import { useRef, useState } from 'react';
import { gql, type Nullable, type Operation } from '../api';
import {
  ACTION_LABEL, APPLICATION_STATUS_LABEL, CLOSE_REASON_LABEL, EVIDENCE_KIND_LABEL, OWNERSHIP_LABEL, STAGE_LABEL, ROLE_LABEL, fieldLabel, fmtDate, fmtDateTime, fmtNumber, labelOf, optionsOf,
} from '../i18n';
import { M, Q, type CaseDetail, type Evidence, type Role, type UserRef } from '../queries';
import { Link } from '../router';
import { isSupervisor, useSession } from '../session';
import { ADVANCE_PATH, ALL_STAGES, CaseStage, CloseReason, isOpenStage, nextStage } from '../stages';
import {
  ActionForm, CheckboxField, DateField, Disclosure, ErrorBox, Loading, Notice, NumberField, PageTitle, SelectField, TextArea, TextField,
  badFields, day, lines, num, todayVn, useAsync, useForm,
} from '../ui';

export function CasePage({ id }: { id: string }) {
  const { me } = useSession();
  const sup = isSupervisor(me);
  const q = useAsync(async () => (await gql(Q.case, { id })).foundingCase, [id]);
  const [flash, setFlash] = useState<string | null>(null);
  const c = q.data;

  if (q.loading && !c) return <Loading what="hồ sơ" />;
  if (!c) {
    return (
      <section>
        <PageTitle>Hồ sơ thành lập CĐCS</PageTitle>
        {q.error ? <ErrorBox error={q.error} /> : <p role="alert">Không tìm thấy hồ sơ, hoặc hồ sơ nằm ngoài phạm vi của bạn.</p>}
        <p>
          <Link to="/">← Về bảng tiến độ</Link>
        </p>
      </section>
    );
  }

  const open = isOpenStage(c.stage);
  const canWork = sup || (me.role === 'OFFICER' && c.assignee?.id === me.id);
  /** Runs a case mutation with the version shown, then reloads the case and says what happened. */
  const act: Act = async (message, mutation, input) => {
    setFlash(null);
    // `input` was checked against the mutation's input type where `act` was called.
    const sent: Operation<unknown, unknown> = mutation;
    await gql(sent, { i: { caseId: c.id, expectedVersion: c.version, ...input } });
    setFlash(message);
    q.reload();
  };

  return (
    <article className="case-page" aria-labelledby="case-title" data-testid="case-page" data-stage={c.stage} data-version={c.version}>
      <p className="breadcrumb">
        <Link to="/">← Bảng tiến độ</Link>
      </p>
      <PageTitle
        sub={
          <>
            Mã số thuế {c.enterprise.taxCode} · {fmtNumber(c.enterprise.workerCount)} lao động · Phiên bản hồ sơ {fmtNumber(c.version)}
          </>
        }
      >
        <span id="case-title">{c.enterprise.name}</span>
      </PageTitle>

      <Stepper stage={c.stage} closedFrom={c.closedFromStage} />

      <div className="case-layout">
        <div className="case-main">
          <section className="panel" aria-labelledby="sum-title">
            <h2 id="sum-title">Thông tin hồ sơ</h2>
            <dl className="facts">
              <div>
                <dt>Giai đoạn</dt>
                <dd>
                  <span className={`stage-pill stage-${c.stage.toLowerCase()}`} data-testid="case-stage">
                    {STAGE_LABEL[c.stage]}
                  </span>
                </dd>
              </div>
              <div>
                <dt>Hạn giai đoạn</dt>
                <dd>
                  {c.stageDueOn ? <time dateTime={c.stageDueOn}>{fmtDate(c.stageDueOn)}</time> : '—'}{' '}
                  {c.overdue && <span className="badge badge-overdue">⚠ Quá hạn</span>}
                </dd>
              </div>
              <div>
                <dt>Vào giai đoạn lúc</dt>
                <dd>{fmtDateTime(c.stageEnteredAt)}</dd>
              </div>
              <div>
                <dt>Cán bộ phụ trách</dt>
                <dd data-testid="case-assignee">{c.assignee?.fullName ?? <em>Chưa phân công</em>}</dd>
              </div>
              <div>
                <dt>Đơn vị</dt>
                <dd>{c.orgUnit.name}</dd>
              </div>
              <div>
                <dt>Mở hồ sơ</dt>
                <dd>{fmtDateTime(c.openedAt)}</dd>
              </div>
              <div>
                <dt>Doanh nghiệp</dt>
                <dd>
                  {c.enterprise.name}
                  {c.enterprise.ownership ? ` (${labelOf(OWNERSHIP_LABEL, c.enterprise.ownership)})` : ''}
                </dd>
              </div>
              <div>
                <dt>Địa bàn · Ngành</dt>
                <dd>
                  {[c.enterprise.address, c.enterprise.district].filter(Boolean).join(', ') || '—'} · {c.enterprise.sector ?? '—'}
                </dd>
              </div>
              <div>
                <dt>Số lao động (khảo sát)</dt>
                <dd>
                  {fmtNumber(c.enterprise.workerCount)}
                  {c.enterprise.surveyedOn ? ` — ngày ${fmtDate(c.enterprise.surveyedOn)}` : ''}
                </dd>
              </div>
              <div>
                <dt>Công đoàn tại doanh nghiệp</dt>
                <dd>{c.enterprise.hasUnion ? 'Đã có' : 'Chưa có'}</dd>
              </div>
              {c.closedReason && (
                <div>
                  <dt>Lý do đóng</dt>
                  <dd>
                    {labelOf(CLOSE_REASON_LABEL, c.closedReason)}
                    {c.closedFromStage ? ` (đóng ở giai đoạn ${STAGE_LABEL[c.closedFromStage]})` : ''}
                  </dd>
                </div>
              )}
              {c.decisionNumber && (
                <div>
                  <dt>Quyết định công nhận</dt>
                  <dd>
                    Số {c.decisionNumber}
                    {c.decidedOn ? ` ngày ${fmtDate(c.decidedOn)}` : ''}
                  </dd>
                </div>
              )}
              {c.grassrootsUnion && (
                <div>
                  <dt>CĐCS được thành lập</dt>
                  <dd data-testid="case-union">{c.grassrootsUnion.name}</dd>
                </div>
              )}
            </dl>
          </section>

          <EvidenceSection evidence={c.evidence} />
          <ApplicationsSection c={c} />
          <HistorySection c={c} />
        </div>

        <aside className="case-actions panel" aria-labelledby="actions-title" data-testid="case-actions">
          <h2 id="actions-title">Thao tác</h2>
          {flash && <Notice>{flash}</Notice>}
          {!canWork && !sup && <p className="muted">Bạn chỉ xem được hồ sơ này.</p>}
          {open && canWork && (
            <StageForms key={`${c.stage}-${c.version}`} c={c} sup={sup} act={act} reload={q.reload} onApplied={(m) => {
              setFlash(m);
              q.reload();
            }} />
          )}
          {open && canWork && <AdvanceForm key={`adv-${c.version}`} c={c} act={act} reload={q.reload} />}
          {!open && c.stage === CaseStage.RECOGNIZED && <p>Hồ sơ đã hoàn thành: công đoàn cơ sở đã được công nhận.</p>}
          {sup && open && (
            <>
              <AssignForm key={`as-${c.version}`} c={c} act={act} reload={q.reload} />
              <CloseForm key={`cl-${c.version}`} act={act} reload={q.reload} />
            </>
          )}
          {sup && c.stage === CaseStage.CLOSED && <ReopenForm key={`re-${c.version}`} c={c} act={act} reload={q.reload} />}
          {!sup && c.stage === CaseStage.CLOSED && <p className="muted">Hồ sơ đã đóng. Ban Thường vụ có thể mở lại.</p>}
        </aside>
      </div>
    </article>
  );
}

/** What every case mutation's input carries: the case and the version the page shows. */
type CaseRef = { caseId: string | number; expectedVersion: number };
type Act = <I extends CaseRef>(message: string, mutation: Operation<unknown, { i: I }>, input: Nullable<Omit<I, keyof CaseRef>>) => Promise<void>;

function Stepper({ stage, closedFrom }: { stage: CaseStage; closedFrom: CaseStage | null }) {
  const steps = ADVANCE_PATH;
  const current = stage === CaseStage.CLOSED ? closedFrom : stage;
  const idx = current ? steps.indexOf(current) : -1;
  return (
    <nav aria-label="Các giai đoạn" className="stepper-wrap">
      <ol className="stepper">
        {steps.map((s, i) => (
          <li key={s} className={i < idx || stage === CaseStage.RECOGNIZED ? 'done' : i === idx ? 'current' : ''} aria-current={i === idx ? 'step' : undefined}>
            <span className="step-no">{i + 1}</span>
            <span className="step-label">{STAGE_LABEL[s]}</span>
          </li>
        ))}
      </ol>
      {stage === CaseStage.CLOSED && <p className="badge badge-closed">Hồ sơ đã đóng</p>}
    </nav>
  );
}

// ---------------------------------------------------------------------------------------------
// Evidence, applications, history

function detailValue(key: string, v: unknown): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return fmtNumber(v);
  if (Array.isArray(v)) return v.map((x) => String(x)).join(', ');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
  if (key === 'ownership' && typeof v === 'string') return labelOf(OWNERSHIP_LABEL, v);
  return String(v);
}

function EvidenceSection({ evidence }: { evidence: Evidence[] }) {
  const stages = ALL_STAGES.filter((s) => evidence.some((e) => e.stage === s));
  return (
    <section className="panel" aria-labelledby="ev-title" data-testid="evidence">
      <h2 id="ev-title">Kết quả đã ghi theo giai đoạn</h2>
      {evidence.length === 0 && <p className="muted">Chưa ghi kết quả nào.</p>}
      {stages.map((s) => (
        <div key={s} className="evidence-stage">
          <h3>{STAGE_LABEL[s]}</h3>
          <ul className="evidence-list">
            {evidence
              .filter((e) => e.stage === s)
              .map((e) => {
                let details: Record<string, unknown> = {};
                try {
                  details = JSON.parse(e.detailsJson) as Record<string, unknown>;
                } catch {
                  details = { note: e.detailsJson };
                }
                return (
                  <li key={e.id} data-testid={`evidence-${e.kind}`}>
                    <p>
                      <strong>{labelOf(EVIDENCE_KIND_LABEL, e.kind)}</strong> — ngày {fmtDate(e.occurredOn)}{' '}
                      <span className="muted">(ghi lúc {fmtDateTime(e.recordedAt)})</span>
                    </p>
                    <dl className="details">
                      {Object.entries(details).map(([k, v]) => (
                        <div key={k}>
                          <dt>{fieldLabel(k)}</dt>
                          <dd>{detailValue(k, v)}</dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ApplicationsSection({ c }: { c: CaseDetail }) {
  const active = c.applications.filter((a) => a.status === 'SUBMITTED' || a.status === 'ADMITTED').length;
  return (
    <section className="panel" aria-labelledby="app-title" data-testid="applications">
      <h2 id="app-title">
        Đơn xin gia nhập công đoàn <span className="count">{fmtNumber(c.applications.length)}</span>
      </h2>
      <p className="muted">
        {fmtNumber(active)} đơn hợp lệ (đã nộp hoặc đã kết nạp). Cần tối thiểu 5 đơn trước đại hội thành lập.
      </p>
      {c.applications.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Năm sinh</th>
                <th scope="col">Giới tính</th>
                <th scope="col">Vị trí</th>
                <th scope="col">Ngày nộp</th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {c.applications.map((a) => (
                <tr key={a.id}>
                  <td>{a.fullName}</td>
                  <td>{a.birthYear}</td>
                  <td>{a.gender}</td>
                  <td>{a.position}</td>
                  <td>{fmtDate(a.submittedOn)}</td>
                  <td>
                    {labelOf(APPLICATION_STATUS_LABEL, a.status)}
                    {a.decisionNumber ? ` (QĐ ${a.decisionNumber}, ${fmtDate(a.decidedOn)})` : ''}
                    {a.rejectionReason ? ` — ${a.rejectionReason}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HistorySection({ c }: { c: CaseDetail }) {
  return (
    <section className="panel" aria-labelledby="hist-title" data-testid="history">
      <h2 id="hist-title">Lịch sử hồ sơ</h2>
      {c.history.length === 0 ? (
        <p className="muted">Chưa có thay đổi nào.</p>
      ) : (
        <ol className="timeline">
          {[...c.history].reverse().map((h) => (
            <li key={h.version}>
              <p>
                <strong>{labelOf(ACTION_LABEL, h.action)}</strong>
                {h.from !== h.to && (
                  <>
                    {': '}
                    {h.from ? STAGE_LABEL[h.from] : '—'} → {STAGE_LABEL[h.to]}
                  </>
                )}
              </p>
              <p className="muted">
                {fmtDateTime(h.at)} · {h.by.fullName} · phiên bản {h.version}
              </p>
              {h.comment && <p className="comment">“{h.comment}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Forms for the actions the caller may take now

function StageForms({ c, sup, act, reload, onApplied }: { c: CaseDetail; sup: boolean; act: Act; reload: () => void; onApplied: (m: string) => void }) {
  switch (c.stage) {
    case CaseStage.SURVEY:
      return <SurveyForm c={c} act={act} reload={reload} />;
    case CaseStage.OUTREACH:
      return (
        <>
          <OutreachForm act={act} reload={reload} />
          <Disclosure summary="Nộp đơn xin gia nhập">
            <ApplicationForm c={c} onApplied={onApplied} />
          </Disclosure>
        </>
      );
    case CaseStage.GUIDANCE:
      return (
        <>
          <CommitteeForm act={act} reload={reload} />
          <ApplicationForm c={c} onApplied={onApplied} />
        </>
      );
    case CaseStage.FOUNDING_CEREMONY:
      return (
        <>
          <CongressForm act={act} reload={reload} />
          <Disclosure summary="Nộp thêm đơn xin gia nhập">
            <ApplicationForm c={c} onApplied={onApplied} />
          </Disclosure>
        </>
      );
    case CaseStage.RECOGNITION_DECISION:
      return sup ? <DecisionForm c={c} act={act} reload={reload} /> : <p className="muted">Chờ Ban Thường vụ ghi quyết định công nhận.</p>;
    default:
      return null;
  }
}

function SurveyForm({ c, act, reload }: { c: CaseDetail; act: Act; reload: () => void }) {
  const f = useForm({ surveyedOn: todayVn(), workerCount: String(c.enterprise.workerCount), hasUnion: false as boolean, contactName: '', note: '' });
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  return (
    <ActionForm
      title="Ghi kết quả khảo sát"
      submitLabel="Lưu kết quả khảo sát"
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-survey"
      onSubmit={() =>
        act('Đã ghi kết quả khảo sát.', M.survey, {
          surveyedOn: day(f.values.surveyedOn),
          workerCount: num(f.values.workerCount),
          hasUnion: f.values.hasUnion,
          contactName: f.values.contactName || null,
          note: f.values.note || null,
        })
      }
    >
      <DateField label="Ngày khảo sát" name="surveyedOn" required value={f.values.surveyedOn} onChange={f.set('surveyedOn')} invalid={bad} />
      <NumberField label="Số lao động" name="workerCount" required min={0} value={f.values.workerCount} onChange={f.set('workerCount')} invalid={bad} />
      <CheckboxField label="Doanh nghiệp đã có công đoàn" name="hasUnion" checked={f.values.hasUnion} onChange={f.set('hasUnion')} invalid={bad} />
      <TextField label="Người liên hệ" name="contactName" value={f.values.contactName} onChange={f.set('contactName')} invalid={bad} />
      <TextArea label="Ghi chú" name="note" value={f.values.note} onChange={f.set('note')} invalid={bad} rows={2} />
    </ActionForm>
  );
}

function OutreachForm({ act, reload }: { act: Act; reload: () => void }) {
  const f = useForm({ heldOn: todayVn(), workersReached: '', workersInterested: '', note: '' });
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  return (
    <ActionForm
      title="Ghi buổi tuyên truyền vận động"
      submitLabel="Lưu buổi tuyên truyền"
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-outreach"
      onSubmit={() =>
        act('Đã ghi buổi tuyên truyền vận động.', M.outreach, {
          heldOn: day(f.values.heldOn),
          workersReached: num(f.values.workersReached),
          workersInterested: num(f.values.workersInterested),
          note: f.values.note || null,
        })
      }
    >
      <DateField label="Ngày tổ chức" name="heldOn" required value={f.values.heldOn} onChange={f.set('heldOn')} invalid={bad} />
      <NumberField label="Số lao động được tuyên truyền" name="workersReached" required min={0} value={f.values.workersReached} onChange={f.set('workersReached')} invalid={bad} />
      <NumberField label="Số lao động quan tâm" name="workersInterested" required min={0} value={f.values.workersInterested} onChange={f.set('workersInterested')} invalid={bad} />
      <TextArea label="Ghi chú" name="note" value={f.values.note} onChange={f.set('note')} invalid={bad} rows={2} />
    </ActionForm>
  );
}

function CommitteeForm({ act, reload }: { act: Act; reload: () => void }) {
  const f = useForm({ formedOn: todayVn(), memberNames: '' });
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  return (
    <ActionForm
      title="Thành lập ban vận động"
      submitLabel="Lưu ban vận động"
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-committee"
      onSubmit={() => act('Đã ghi thành lập ban vận động.', M.committee, { formedOn: day(f.values.formedOn), memberNames: lines(f.values.memberNames) })}
    >
      <DateField label="Ngày thành lập" name="formedOn" required value={f.values.formedOn} onChange={f.set('formedOn')} invalid={bad} />
      <TextArea label="Thành viên ban vận động" name="memberNames" required hint="Mỗi dòng một người" value={f.values.memberNames} onChange={f.set('memberNames')} invalid={bad} />
    </ActionForm>
  );
}

function ApplicationForm({ c, onApplied }: { c: CaseDetail; onApplied: (m: string) => void }) {
  const initial = {
    fullName: '', personalId: '', birthYear: '', gender: 'Nữ', position: '', nationality: 'Việt Nam', contractMonths: '',
    isManager: false as boolean, servingSentence: false as boolean, submittedOn: todayVn(),
  };
  const f = useForm(initial);
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  const formRef = useRef<HTMLDivElement>(null);
  return (
    <div ref={formRef}>
      <ActionForm
        title="Nộp đơn xin gia nhập công đoàn"
        submitLabel="Nộp đơn"
        error={error}
        setError={setError}
        testId="form-application"
        onSubmit={async () => {
          const d = await gql(M.apply, {
            i: {
              caseId: c.id,
              fullName: f.values.fullName,
              personalId: f.values.personalId.trim() || null,
              birthYear: num(f.values.birthYear),
              gender: f.values.gender,
              position: f.values.position,
              isManager: f.values.isManager,
              servingSentence: f.values.servingSentence,
              nationality: f.values.nationality,
              contractMonths: num(f.values.contractMonths),
              submittedOn: day(f.values.submittedOn),
            },
          });
          // Ready for the next applicant of the same workshop: keep position, date and nationality.
          f.setValues((s) => ({ ...s, fullName: '', personalId: '', birthYear: '', isManager: false, servingSentence: false }));
          formRef.current?.querySelector<HTMLInputElement>('input[name="fullName"]')?.focus();
          onApplied(`Đã nhận đơn của ${d.submitApplication.fullName}.`);
        }}
      >
        <div className="grid-2">
          <TextField label="Họ và tên" name="fullName" required value={f.values.fullName} onChange={f.set('fullName')} invalid={bad} />
          <NumberField label="Năm sinh" name="birthYear" required value={f.values.birthYear} onChange={f.set('birthYear')} invalid={bad} />
          <SelectField
            label="Giới tính"
            name="gender"
            value={f.values.gender}
            onChange={f.set('gender')}
            invalid={bad}
            options={[
              { value: 'Nữ', label: 'Nữ' },
              { value: 'Nam', label: 'Nam' },
            ]}
          />
          <TextField label="Vị trí công việc" name="position" required value={f.values.position} onChange={f.set('position')} invalid={bad} />
          <TextField label="Quốc tịch" name="nationality" required value={f.values.nationality} onChange={f.set('nationality')} invalid={bad} />
          <NumberField label="Thời hạn hợp đồng (tháng)" name="contractMonths" hint="Để trống nếu không xác định thời hạn" value={f.values.contractMonths} onChange={f.set('contractMonths')} invalid={bad} />
          <TextField label="Số CCCD" name="personalId" inputMode="numeric" value={f.values.personalId} onChange={f.set('personalId')} invalid={bad} />
          <DateField label="Ngày nộp đơn" name="submittedOn" required value={f.values.submittedOn} onChange={f.set('submittedOn')} invalid={bad} />
        </div>
        <CheckboxField label="Là người quản lý doanh nghiệp" name="isManager" checked={f.values.isManager} onChange={f.set('isManager')} invalid={bad} />
        <CheckboxField label="Đang chấp hành án phạt tù" name="servingSentence" checked={f.values.servingSentence} onChange={f.set('servingSentence')} invalid={bad} />
      </ActionForm>
    </div>
  );
}

function CongressForm({ act, reload }: { act: Act; reload: () => void }) {
  const f = useForm({ heldOn: todayVn(), attendees: '', executiveCommittee: '', chairName: '', dossierCompletedOn: todayVn() });
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  return (
    <ActionForm
      title="Ghi đại hội thành lập"
      submitLabel="Lưu đại hội thành lập"
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-congress"
      onSubmit={() =>
        act('Đã ghi đại hội thành lập và hồ sơ đề nghị công nhận.', M.congress, {
          heldOn: day(f.values.heldOn),
          attendees: num(f.values.attendees),
          executiveCommittee: lines(f.values.executiveCommittee),
          chairName: f.values.chairName,
          dossierCompletedOn: day(f.values.dossierCompletedOn),
        })
      }
    >
      <DateField label="Ngày tổ chức đại hội" name="heldOn" required value={f.values.heldOn} onChange={f.set('heldOn')} invalid={bad} />
      <NumberField label="Số người dự" name="attendees" required min={0} value={f.values.attendees} onChange={f.set('attendees')} invalid={bad} />
      <TextArea label="Ban chấp hành lâm thời" name="executiveCommittee" required hint="Mỗi dòng một người" value={f.values.executiveCommittee} onChange={f.set('executiveCommittee')} invalid={bad} />
      <TextField label="Chủ tịch" name="chairName" required value={f.values.chairName} onChange={f.set('chairName')} invalid={bad} />
      <DateField label="Ngày hoàn thiện hồ sơ" name="dossierCompletedOn" required value={f.values.dossierCompletedOn} onChange={f.set('dossierCompletedOn')} invalid={bad} />
    </ActionForm>
  );
}

function DecisionForm({ c, act, reload }: { c: CaseDetail; act: Act; reload: () => void }) {
  const f = useForm({ decisionNumber: '', decidedOn: todayVn(), signedBy: '', grassrootsUnionName: `Công đoàn cơ sở ${c.enterprise.name}` });
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  return (
    <ActionForm
      title="Ghi quyết định công nhận"
      submitLabel="Lưu quyết định"
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-decision"
      onSubmit={() =>
        act('Đã ghi quyết định công nhận. Chuyển giai đoạn để hoàn tất việc thành lập.', M.decision, {
          decisionNumber: f.values.decisionNumber,
          decidedOn: day(f.values.decidedOn),
          signedBy: f.values.signedBy,
          grassrootsUnionName: f.values.grassrootsUnionName,
        })
      }
    >
      <TextField label="Số quyết định" name="decisionNumber" required placeholder="VD: 45/QĐ-CĐN" value={f.values.decisionNumber} onChange={f.set('decisionNumber')} invalid={bad} />
      <DateField label="Ngày quyết định" name="decidedOn" required value={f.values.decidedOn} onChange={f.set('decidedOn')} invalid={bad} />
      <TextField label="Người ký" name="signedBy" required value={f.values.signedBy} onChange={f.set('signedBy')} invalid={bad} />
      <TextField label="Tên công đoàn cơ sở" name="grassrootsUnionName" required value={f.values.grassrootsUnionName} onChange={f.set('grassrootsUnionName')} invalid={bad} />
    </ActionForm>
  );
}

function AdvanceForm({ c, act, reload }: { c: CaseDetail; act: Act; reload: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const next = nextStage(c.stage);
  if (!next) return null;
  const label = next === CaseStage.RECOGNIZED ? 'Hoàn tất: công nhận CĐCS' : `Chuyển sang «${STAGE_LABEL[next]}»`;
  return (
    <ActionForm
      title="Chuyển giai đoạn"
      submitLabel={label}
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-advance"
      onSubmit={() => act(next === CaseStage.RECOGNIZED ? 'Đã công nhận công đoàn cơ sở.' : `Đã chuyển sang giai đoạn «${STAGE_LABEL[next]}».`, M.advance, { comment: comment.trim() || null })}
    >
      <p className="muted">
        Từ «{STAGE_LABEL[c.stage]}» sang «{STAGE_LABEL[next]}». Hệ thống kiểm tra điều kiện của giai đoạn hiện tại.
      </p>
      <TextArea label="Ghi chú (không bắt buộc)" name="comment" rows={2} value={comment} onChange={setComment} invalid={badFields(error)} />
    </ActionForm>
  );
}

/**
 * Who the case may be assigned to: the active officers, then the supervisors, of the case's unit
 * (the `users` query), with the current assignee kept even when it is no longer among them.
 */
function useAssignees(c: CaseDetail) {
  return useAsync(async () => {
    const { users } = await gql(Q.users, { u: c.orgUnit.id });
    const list: (UserRef & { role?: Role })[] = users
      .filter((u) => u.role === 'OFFICER' || u.role === 'SUPERVISOR')
      .sort((a, b) => (a.role === b.role ? a.fullName.localeCompare(b.fullName, 'vi') : a.role === 'OFFICER' ? -1 : 1));
    if (c.assignee && !list.some((u) => u.id === c.assignee!.id)) list.unshift(c.assignee);
    return list;
  }, [c.orgUnit.id, c.assignee?.id]);
}

function AssignForm({ c, act, reload }: { c: CaseDetail; act: Act; reload: () => void }) {
  const assignees = useAssignees(c);
  const [assigneeId, setAssigneeId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  const list = assignees.data ?? [];
  return (
    <Disclosure summary={c.assignee ? 'Phân công lại cán bộ' : 'Phân công cán bộ phụ trách'} open={!c.assignee}>
      <ActionForm
        title="Phân công cán bộ phụ trách"
        submitLabel="Phân công"
        error={error}
        setError={setError}
        onReload={reload}
        testId="form-assign"
        onSubmit={() => act('Đã phân công cán bộ phụ trách.', M.assign, { assigneeId: assigneeId || null, reason: reason.trim() || null })}
      >
        <ErrorBox error={assignees.error} />
        <SelectField
          label="Cán bộ"
          name="assigneeId"
          required
          value={assigneeId}
          onChange={setAssigneeId}
          invalid={bad}
          hint={`Cán bộ và Ban Thường vụ của ${c.orgUnit.name}`}
          options={[
            { value: '', label: assignees.loading && !assignees.data ? 'Đang tải danh sách cán bộ…' : '— Chọn cán bộ —' },
            ...list.map((u) => ({
              value: u.id,
              label:
                u.fullName +
                (u.role === 'SUPERVISOR' ? ` — ${ROLE_LABEL.SUPERVISOR}` : '') +
                (u.id === c.assignee?.id ? ' (đang phụ trách)' : ''),
            })),
          ]}
        />
        {assignees.data && list.length === 0 && <p className="muted small">Đơn vị chưa có cán bộ nào đang hoạt động.</p>}
        <TextField label="Lý do" name="reason" value={reason} onChange={setReason} invalid={bad} />
      </ActionForm>
    </Disclosure>
  );
}

function CloseForm({ act, reload }: { act: Act; reload: () => void }) {
  const [reason, setReason] = useState(CloseReason.WORKERS_DECLINED);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const bad = badFields(error);
  return (
    <Disclosure summary="Đóng hồ sơ">
      <ActionForm
        title="Đóng hồ sơ"
        submitLabel="Đóng hồ sơ"
        danger
        error={error}
        setError={setError}
        onReload={reload}
        testId="form-close"
        onSubmit={() => act('Đã đóng hồ sơ.', M.close, { reason, comment })}
      >
        <SelectField
          label="Lý do đóng"
          name="reason"
          value={reason}
          onChange={setReason}
          invalid={bad}
          options={optionsOf(CLOSE_REASON_LABEL)}
        />
        <TextArea label="Giải trình" name="comment" required rows={2} value={comment} onChange={setComment} invalid={bad} />
      </ActionForm>
    </Disclosure>
  );
}

function ReopenForm({ c, act, reload }: { c: CaseDetail; act: Act; reload: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <ActionForm
      title="Mở lại hồ sơ"
      submitLabel={`Mở lại về «${c.closedFromStage ? STAGE_LABEL[c.closedFromStage] : 'giai đoạn trước'}»`}
      error={error}
      setError={setError}
      onReload={reload}
      testId="form-reopen"
      onSubmit={() => act('Đã mở lại hồ sơ.', M.reopen, { comment })}
    >
      <TextArea label="Lý do mở lại" name="comment" required rows={2} value={comment} onChange={setComment} invalid={badFields(error)} />
    </ActionForm>
  );
}
