import { CaseStage } from '../../stages';
import { Disclosure } from '../../ui/page';
import { ApplicationForm } from './ApplicationForm';
import type { CaseFormProps } from './case-form';
import { CommitteeForm } from './CommitteeForm';
import { CongressForm } from './CongressForm';
import { DecisionForm } from './DecisionForm';
import { OutreachForm } from './OutreachForm';
import { SurveyForm } from './SurveyForm';

/** The forms of the case's current stage: what has to be recorded there before it can advance. */
export function StageForms(props: CaseFormProps & { sup: boolean; onApplied: (m: string) => void }) {
  const { sup, onApplied, ...forms } = props;
  const { c } = forms;
  switch (c.stage) {
    case CaseStage.SURVEY:
      return <SurveyForm {...forms} />;
    case CaseStage.OUTREACH:
      return (
        <>
          <OutreachForm {...forms} />
          <Disclosure summary="Nộp đơn xin gia nhập">
            <ApplicationForm c={c} onApplied={onApplied} />
          </Disclosure>
        </>
      );
    case CaseStage.GUIDANCE:
      return (
        <>
          <CommitteeForm {...forms} />
          <ApplicationForm c={c} onApplied={onApplied} />
        </>
      );
    case CaseStage.FOUNDING_CEREMONY:
      return (
        <>
          <CongressForm {...forms} />
          <Disclosure summary="Nộp thêm đơn xin gia nhập">
            <ApplicationForm c={c} onApplied={onApplied} />
          </Disclosure>
        </>
      );
    case CaseStage.RECOGNITION_DECISION:
      return sup ? <DecisionForm {...forms} /> : <p className="muted">Chờ Ban Thường vụ ghi quyết định công nhận.</p>;
    default:
      return null;
  }
}
