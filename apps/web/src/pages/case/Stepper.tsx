import { STAGE_LABEL } from '../../i18n';
import { ADVANCE_PATH, CaseStage } from '../../stages';

/** The stages a case advances through, the current one marked (for a closed case, where it was closed). */
export function Stepper({ stage, closedFrom }: { stage: CaseStage; closedFrom: CaseStage | null }) {
  const current = stage === CaseStage.CLOSED ? closedFrom : stage;
  const idx = current ? ADVANCE_PATH.indexOf(current) : -1;
  return (
    <nav aria-label="Các giai đoạn" className="stepper-wrap">
      <ol className="stepper">
        {ADVANCE_PATH.map((s, i) => (
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
