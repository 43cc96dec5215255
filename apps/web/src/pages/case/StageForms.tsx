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
export function StageForms(props: CaseFormProps & { sup: boolean; onApplied: () => void }) {
  const { sup, onApplied, ...forms } = props;
  const { c } = forms;
  // Applications are taken from OUTREACH on; folded away except in GUIDANCE, where they are collected.
  const applications = (folded?: string) => {
    const form = <ApplicationForm target={{ caseId: c.id }} onApplied={onApplied} />;
    return folded ? <Disclosure summary={folded}>{form}</Disclosure> : form;
  };
  switch (c.stage) {
    case CaseStage.SURVEY:
      return <SurveyForm {...forms} />;
    case CaseStage.OUTREACH:
      return (
        <>
          <OutreachForm {...forms} />
          {applications('Nộp đơn xin gia nhập')}
        </>
      );
    case CaseStage.GUIDANCE:
      return (
        <>
          <CommitteeForm {...forms} />
          {applications()}
        </>
      );
    case CaseStage.FOUNDING_CEREMONY:
      return (
        <>
          <CongressForm {...forms} />
          {applications('Nộp thêm đơn xin gia nhập')}
        </>
      );
    case CaseStage.RECOGNITION_DECISION:
      return sup ? <DecisionForm {...forms} /> : <p className="muted">Chờ Ban Thường vụ ghi quyết định công nhận.</p>;
    default:
      return null;
  }
}
