import { useState } from 'react';
import { gql, type Operation } from '../api';
import { fmtNumber } from '../i18n';
import { Q } from '../queries';
import { Link } from '../router';
import { useSession } from '../session';
import { CaseStage, isOpenStage } from '../stages';
import { ErrorBox, Notice } from '../ui/errors';
import { Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { AdvanceForm } from './case/AdvanceForm';
import { AssignForm } from './case/AssignForm';
import type { Act, CaseFormProps } from './case/case-form';
import { ApplicationsSection, EvidenceSection, HistorySection } from './case/CaseRecords';
import { CaseSummary } from './case/CaseSummary';
import { CloseForm } from './case/CloseForm';
import { GrassrootsAccountForm } from './case/GrassrootsAccountForm';
import { ReopenForm } from './case/ReopenForm';
import { StageForms } from './case/StageForms';
import { Stepper } from './case/Stepper';
import { DocumentsPanel } from './documents/DocumentsPanel';

/** One founding case: what is known and recorded, and the forms for what the caller may do now. */
export function CasePage({ id }: { id: string }) {
  const { me, sup } = useSession();
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
  const act: Act = async (message, mutation, input) => {
    setFlash(null);
    // `input` was checked against the mutation's input type where `act` was called.
    const sent: Operation<unknown, unknown> = mutation;
    await gql(sent, { i: { caseId: c.id, expectedVersion: c.version, ...input } });
    setFlash(message);
    q.reload();
  };
  const forms: CaseFormProps = { c, act, reload: q.reload };

  return (
    <article className="case-page" aria-labelledby="case-title" data-testid="case-page" data-stage={c.stage} data-version={c.version}>
      <p className="breadcrumb">
        <Link to="/">← Bảng tiến độ</Link>
      </p>
      <PageTitle
        sub={
          <>
            Mã số thuế {c.enterprise.taxCode} · {fmtNumber(c.enterprise.workerCount)} lao động
          </>
        }
      >
        <span id="case-title">{c.enterprise.name}</span>
      </PageTitle>

      <Stepper stage={c.stage} closedFrom={c.closedFromStage} />

      <div className="case-layout">
        <div className="case-main">
          <CaseSummary c={c} />
          <EvidenceSection evidence={c.evidence} />
          {/* Refused one by one until the recognition decision (then the founders are fixed). */}
          <ApplicationsSection c={c} canReject={sup && open && c.stage !== CaseStage.RECOGNITION_DECISION} onChanged={q.reload} />
          <HistorySection c={c} />
        </div>

        <aside className="case-actions panel" aria-labelledby="actions-title" data-testid="case-actions">
          <h2 id="actions-title">Thao tác</h2>
          {flash && <Notice reveal>{flash}</Notice>}
          {!canWork && !sup && <p className="muted">Bạn chỉ xem được hồ sơ này.</p>}
          {open && canWork && <StageForms key={`${c.stage}-${c.version}`} {...forms} sup={sup} onApplied={q.reload} />}
          {/* An officer cannot complete a case before the board has recorded its decision: no button that must fail. */}
          {open && canWork && (sup || c.stage !== CaseStage.RECOGNITION_DECISION || c.evidence.some((e) => e.kind === 'DECISION')) && (
            <AdvanceForm key={`adv-${c.version}`} {...forms} />
          )}
          {!open && c.stage === CaseStage.RECOGNIZED && <p>Hồ sơ đã hoàn thành: công đoàn cơ sở đã được công nhận.</p>}
          {sup && c.stage === CaseStage.RECOGNIZED && <GrassrootsAccountForm caseId={c.id} unit={c.grassrootsUnion ?? null} />}
          {c.stage === CaseStage.RECOGNIZED && <DocumentsPanel kind="RECOGNITION_DECISION" sourceId={c.id} canIssue={sup} />}
          {sup && open && (
            <>
              <AssignForm key={`as-${c.version}`} {...forms} />
              <CloseForm key={`cl-${c.version}`} {...forms} />
            </>
          )}
          {sup && c.stage === CaseStage.CLOSED && <ReopenForm key={`re-${c.version}`} {...forms} />}
          {!sup && c.stage === CaseStage.CLOSED && <p className="muted">Hồ sơ đã đóng. Ban Thường vụ có thể mở lại.</p>}
        </aside>
      </div>
    </article>
  );
}
