import { ALL_STAGES, CaseStage, CloseReason, OPEN_STAGES, REQUIREMENT_ORDER, Requirement, isCaseStage, isOpenStage } from './case-stage';

describe('case stages', () => {
  it('enum values equal their keys (they travel as GraphQL enums and DB strings)', () => {
    for (const e of [CaseStage, CloseReason, Requirement]) {
      for (const [k, v] of Object.entries(e)) expect(v).toBe(k);
    }
  });

  it('lists the open stages in pipeline order', () => {
    expect(OPEN_STAGES).toEqual([CaseStage.SURVEY, CaseStage.OUTREACH, CaseStage.GUIDANCE, CaseStage.FOUNDING_CEREMONY, CaseStage.RECOGNITION_DECISION]);
    expect(Object.isFrozen(OPEN_STAGES)).toBe(true);
  });

  it('lists every stage once, open ones first', () => {
    expect(ALL_STAGES).toEqual([...OPEN_STAGES, CaseStage.RECOGNIZED, CaseStage.CLOSED]);
    expect(new Set(ALL_STAGES).size).toBe(Object.values(CaseStage).length);
  });

  it.each([
    [CaseStage.SURVEY, true],
    [CaseStage.OUTREACH, true],
    [CaseStage.GUIDANCE, true],
    [CaseStage.FOUNDING_CEREMONY, true],
    [CaseStage.RECOGNITION_DECISION, true],
    [CaseStage.RECOGNIZED, false],
    [CaseStage.CLOSED, false],
  ])('isOpenStage(%s) = %s', (stage, open) => {
    expect(isOpenStage(stage)).toBe(open);
  });

  it('isCaseStage accepts the enum values only', () => {
    for (const s of ALL_STAGES) expect(isCaseStage(s)).toBe(true);
    for (const s of ['survey', 'OPEN', '', null, undefined, 3]) expect(isCaseStage(s)).toBe(false);
  });

  it('reports requirements in declaration order', () => {
    expect(REQUIREMENT_ORDER).toEqual([
      'SURVEY_MISSING',
      'ENTERPRISE_HAS_UNION',
      'NO_ASSIGNEE',
      'NO_OUTREACH',
      'NO_MOBILIZATION_COMMITTEE',
      'TOO_FEW_APPLICATIONS',
      'NO_CONGRESS',
      'NO_DOSSIER',
      'NO_DECISION',
    ]);
  });

  it('has the contract close reasons', () => {
    expect(Object.values(CloseReason)).toEqual([
      'ENTERPRISE_DISSOLVED',
      'BELOW_THRESHOLD',
      'WORKERS_DECLINED',
      'EMPLOYER_OBSTRUCTION',
      'ALREADY_HAS_UNION',
      'OTHER',
    ]);
  });
});
