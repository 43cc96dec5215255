import { CaseStage, Requirement } from './case-stage';
import { NotAllowed } from './case-transitions';
import { IneligibleReason } from './eligibility';
import { INELIGIBLE_REASON_LABEL_VI, NOT_ALLOWED_LABEL_VI, REQUIREMENT_LABEL_VI, requirementsPhraseVi, stagePhraseVi } from './refusal-labels';

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe('refusal labels', () => {
  it('name every requirement, not-allowed code and ineligibility reason in Vietnamese', () => {
    expect(Object.keys(REQUIREMENT_LABEL_VI).sort()).toEqual(Object.values(Requirement).sort());
    expect(Object.keys(NOT_ALLOWED_LABEL_VI).sort()).toEqual(Object.values(NotAllowed).sort());
    expect(Object.keys(INELIGIBLE_REASON_LABEL_VI).sort()).toEqual(Object.values(IneligibleReason).sort());
    for (const label of [...Object.values(REQUIREMENT_LABEL_VI), ...Object.values(NOT_ALLOWED_LABEL_VI), ...Object.values(INELIGIBLE_REASON_LABEL_VI)]) {
      expect(label).toMatch(VIETNAMESE);
    }
  });

  it('say a stage by its label and the unmet requirements in the order given', () => {
    expect(stagePhraseVi(CaseStage.FOUNDING_CEREMONY)).toBe('giai đoạn “Đại hội thành lập”');
    expect(stagePhraseVi('SOMETHING_NEW')).toBe('giai đoạn “SOMETHING_NEW”');
    expect(requirementsPhraseVi([Requirement.NO_OUTREACH, Requirement.NO_ASSIGNEE])).toBe('chưa có buổi tuyên truyền; chưa phân công cán bộ phụ trách');
  });
});
