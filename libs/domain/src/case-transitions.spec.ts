import { ALL_STAGES, CaseStage, OPEN_STAGES, OpenStage, Requirement } from './case-stage';
import {
  CASE_TRANSITIONS,
  CaseFacts,
  DEFAULT_CASE_RULES,
  NotAllowed,
  REQUIREMENT_CHECKS,
  TransitionPlan,
  isLegalStep,
  planAdvance,
  planClose,
  planReopen,
  unmetRequirements,
} from './case-transitions';

/** A case with every piece of evidence recorded; tests take pieces away. */
function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    stage: CaseStage.SURVEY,
    closedFromStage: null,
    assigneeId: 'officer-1',
    survey: { workerCount: 120, hasUnion: false },
    outreachCount: 2,
    committeeFormed: true,
    eligibleApplications: 5,
    congressHeld: true,
    dossierCompletedOn: '2024-05-10',
    decisionRecorded: true,
    ...over,
  };
}

/** A case with nothing recorded. */
function bare(stage: CaseStage): CaseFacts {
  return {
    stage,
    closedFromStage: null,
    assigneeId: null,
    survey: null,
    outreachCount: 0,
    committeeFormed: false,
    eligibleApplications: 0,
    congressHeld: false,
    dossierCompletedOn: null,
    decisionRecorded: false,
  };
}

const NEXT: Record<OpenStage, CaseStage> = {
  [CaseStage.SURVEY]: CaseStage.OUTREACH,
  [CaseStage.OUTREACH]: CaseStage.GUIDANCE,
  [CaseStage.GUIDANCE]: CaseStage.FOUNDING_CEREMONY,
  [CaseStage.FOUNDING_CEREMONY]: CaseStage.RECOGNITION_DECISION,
  [CaseStage.RECOGNITION_DECISION]: CaseStage.RECOGNIZED,
};

function unmetOf(plan: TransitionPlan): Requirement[] | undefined {
  return 'unmet' in plan ? plan.unmet : undefined;
}

describe('planAdvance', () => {
  it.each(OPEN_STAGES.map((s) => [s, NEXT[s]]))('%s advances to %s when every requirement holds', (from, to) => {
    expect(planAdvance(facts({ stage: from }))).toEqual({ ok: true, from, to });
  });

  it('walks the whole pipeline from SURVEY to RECOGNIZED through legal steps only', () => {
    let f = facts();
    const visited: CaseStage[] = [f.stage];
    for (;;) {
      const plan = planAdvance(f);
      if (!plan.ok) {
        expect(plan).toEqual({ ok: false, from: CaseStage.RECOGNIZED, notAllowed: NotAllowed.TERMINAL });
        break;
      }
      expect(isLegalStep(plan.from, plan.to)).toBe(true);
      f = { ...f, stage: plan.to };
      visited.push(f.stage);
    }
    expect(visited).toEqual([...OPEN_STAGES, CaseStage.RECOGNIZED]);
  });

  describe('SURVEY -> OUTREACH', () => {
    const stage = CaseStage.SURVEY;
    it('needs a survey', () => {
      expect(planAdvance(facts({ stage, survey: null }))).toEqual({
        ok: false,
        from: stage,
        unmet: [Requirement.SURVEY_MISSING],
      });
    });
    it('refuses an enterprise that already has a union', () => {
      expect(unmetOf(planAdvance(facts({ stage, survey: { workerCount: 50, hasUnion: true } })))).toEqual([Requirement.ENTERPRISE_HAS_UNION]);
    });
    it('does not judge the union status without a survey (SURVEY_MISSING covers it)', () => {
      expect(unmetOf(planAdvance(bare(stage)))).toEqual([Requirement.SURVEY_MISSING, Requirement.NO_ASSIGNEE]);
    });
    it('lists union and assignee together, in enum order', () => {
      expect(unmetOf(planAdvance(facts({ stage, assigneeId: null, survey: { workerCount: 30, hasUnion: true } })))).toEqual([
        Requirement.ENTERPRISE_HAS_UNION,
        Requirement.NO_ASSIGNEE,
      ]);
    });
    it('accepts a small enterprise (the 25-worker focus is for reports, not a guard)', () => {
      expect(planAdvance(facts({ stage, survey: { workerCount: 3, hasUnion: false } })).ok).toBe(true);
    });
  });

  describe('OUTREACH -> GUIDANCE', () => {
    const stage = CaseStage.OUTREACH;
    it.each([
      [0, [Requirement.NO_OUTREACH]],
      [1, []],
      [7, []],
    ])('with %i outreach visits unmet = %j', (outreachCount, unmet) => {
      expect(unmetRequirements(facts({ stage, outreachCount }))).toEqual(unmet);
    });
    it('does not look back at the survey', () => {
      expect(planAdvance(facts({ stage, survey: null })).ok).toBe(true);
    });
    it('lists everything missing', () => {
      expect(unmetOf(planAdvance(bare(stage)))).toEqual([Requirement.NO_ASSIGNEE, Requirement.NO_OUTREACH]);
    });
  });

  describe('GUIDANCE -> FOUNDING_CEREMONY', () => {
    const stage = CaseStage.GUIDANCE;
    it('needs a mobilisation committee', () => {
      expect(unmetOf(planAdvance(facts({ stage, committeeFormed: false })))).toEqual([Requirement.NO_MOBILIZATION_COMMITTEE]);
    });
    it.each([
      [0, false],
      [4, false],
      [5, true],
      [6, true],
    ])('with %i eligible applications against the default 5: ok = %s', (eligibleApplications, ok) => {
      expect(planAdvance(facts({ stage, eligibleApplications })).ok).toBe(ok);
      if (!ok) expect(unmetOf(planAdvance(facts({ stage, eligibleApplications })))).toEqual([Requirement.TOO_FEW_APPLICATIONS]);
    });
    it('uses the configured minimum', () => {
      expect(planAdvance(facts({ stage, eligibleApplications: 3 }), { minApplications: 3 }).ok).toBe(true);
      expect(unmetOf(planAdvance(facts({ stage, eligibleApplications: 9 }), { minApplications: 10 }))).toEqual([Requirement.TOO_FEW_APPLICATIONS]);
      expect(planAdvance(facts({ stage, eligibleApplications: 0 }), { minApplications: 0 }).ok).toBe(true);
    });
    it('defaults to 5 applications', () => {
      expect(DEFAULT_CASE_RULES).toEqual({ minApplications: 5 });
    });
    it('lists every unmet requirement, not the first', () => {
      expect(unmetOf(planAdvance(bare(stage)))).toEqual([Requirement.NO_ASSIGNEE, Requirement.NO_MOBILIZATION_COMMITTEE, Requirement.TOO_FEW_APPLICATIONS]);
    });
  });

  describe('FOUNDING_CEREMONY -> RECOGNITION_DECISION', () => {
    const stage = CaseStage.FOUNDING_CEREMONY;
    it('needs the congress', () => {
      expect(unmetOf(planAdvance(facts({ stage, congressHeld: false })))).toEqual([Requirement.NO_CONGRESS]);
    });
    it('needs the completed dossier (null or empty)', () => {
      expect(unmetOf(planAdvance(facts({ stage, dossierCompletedOn: null })))).toEqual([Requirement.NO_DOSSIER]);
      expect(unmetOf(planAdvance(facts({ stage, dossierCompletedOn: '' })))).toEqual([Requirement.NO_DOSSIER]);
    });
    it('lists every unmet requirement', () => {
      expect(unmetOf(planAdvance(bare(stage)))).toEqual([Requirement.NO_ASSIGNEE, Requirement.NO_CONGRESS, Requirement.NO_DOSSIER]);
    });
  });

  describe('RECOGNITION_DECISION -> RECOGNIZED', () => {
    const stage = CaseStage.RECOGNITION_DECISION;
    it('needs the decision', () => {
      expect(planAdvance(facts({ stage, decisionRecorded: false }))).toEqual({
        ok: false,
        from: stage,
        unmet: [Requirement.NO_DECISION],
      });
    });
    it('lists every unmet requirement', () => {
      expect(unmetOf(planAdvance(bare(stage)))).toEqual([Requirement.NO_ASSIGNEE, Requirement.NO_DECISION]);
    });
  });

  it.each(OPEN_STAGES)('every advance from %s needs an assignee (null or empty id)', (stage) => {
    expect(unmetOf(planAdvance(facts({ stage, assigneeId: null })))).toEqual([Requirement.NO_ASSIGNEE]);
    expect(unmetOf(planAdvance(facts({ stage, assigneeId: '' })))).toEqual([Requirement.NO_ASSIGNEE]);
  });

  it.each([CaseStage.RECOGNIZED, CaseStage.CLOSED])('%s is terminal for advance, whatever the facts', (stage) => {
    expect(planAdvance(facts({ stage }))).toEqual({ ok: false, from: stage, notAllowed: 'TERMINAL' });
    expect(planAdvance(bare(stage))).toEqual({ ok: false, from: stage, notAllowed: 'TERMINAL' });
  });

  it('only checks the exit requirements of the current stage', () => {
    const order = Object.values(Requirement);
    for (const stage of OPEN_STAGES) {
      // On a bare case every guard fails except ENTERPRISE_HAS_UNION (no survey to judge).
      const expected = CASE_TRANSITIONS[stage].guard.filter((r) => r !== Requirement.ENTERPRISE_HAS_UNION).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      expect(unmetRequirements(bare(stage))).toEqual(expected);
    }
  });

  it('returns unmet lists in Requirement order for every stage', () => {
    const order = Object.values(Requirement);
    for (const stage of OPEN_STAGES) {
      const unmet = unmetRequirements(bare(stage));
      expect(unmet.length).toBeGreaterThan(0);
      expect([...unmet].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(unmet);
    }
  });

  it('an ok advance is always a legal step', () => {
    for (const stage of ALL_STAGES) {
      const plan = planAdvance(facts({ stage }));
      if (plan.ok) expect(isLegalStep(plan.from, plan.to)).toBe(true);
    }
  });
});

describe('REQUIREMENT_CHECKS', () => {
  it('has a check for every requirement', () => {
    expect(Object.keys(REQUIREMENT_CHECKS).sort()).toEqual(Object.values(Requirement).sort());
  });
  it('each check passes on a complete case and fails on a bare one', () => {
    const full = facts();
    const empty = bare(CaseStage.SURVEY);
    for (const req of Object.values(Requirement)) {
      expect(REQUIREMENT_CHECKS[req](full, DEFAULT_CASE_RULES)).toBe(true);
      // ENTERPRISE_HAS_UNION is vacuously met without a survey.
      expect(REQUIREMENT_CHECKS[req](empty, DEFAULT_CASE_RULES)).toBe(req === Requirement.ENTERPRISE_HAS_UNION);
    }
  });
});

describe('planClose', () => {
  it.each(OPEN_STAGES)('closes a case in %s', (stage) => {
    expect(planClose(facts({ stage }))).toEqual({ ok: true, from: stage, to: CaseStage.CLOSED });
  });
  it('does not need an assignee or any evidence', () => {
    expect(planClose(bare(CaseStage.GUIDANCE))).toEqual({ ok: true, from: CaseStage.GUIDANCE, to: CaseStage.CLOSED });
  });
  it.each([CaseStage.RECOGNIZED, CaseStage.CLOSED])('refuses to close a %s case', (stage) => {
    expect(planClose(facts({ stage }))).toEqual({ ok: false, from: stage, notAllowed: 'NOT_OPEN' });
  });
});

describe('planReopen', () => {
  it.each(OPEN_STAGES)('reopens into %s, the stage it was closed in', (closedFromStage) => {
    expect(planReopen(facts({ stage: CaseStage.CLOSED, closedFromStage }))).toEqual({
      ok: true,
      from: CaseStage.CLOSED,
      to: closedFromStage,
    });
  });
  it('refuses a closed case that does not know its stage', () => {
    expect(planReopen(facts({ stage: CaseStage.CLOSED, closedFromStage: null }))).toEqual({
      ok: false,
      from: CaseStage.CLOSED,
      notAllowed: 'NO_CLOSED_FROM_STAGE',
    });
  });
  it.each([...OPEN_STAGES, CaseStage.RECOGNIZED])('refuses to reopen a %s case', (stage) => {
    expect(planReopen(facts({ stage, closedFromStage: CaseStage.SURVEY }))).toEqual({
      ok: false,
      from: stage,
      notAllowed: 'NOT_CLOSED',
    });
  });
  it('close then reopen comes back to the same stage', () => {
    for (const stage of OPEN_STAGES) {
      const closed = planClose(facts({ stage }));
      expect(closed.ok).toBe(true);
      const reopened = planReopen(facts({ stage: CaseStage.CLOSED, closedFromStage: stage }));
      expect(reopened).toEqual({ ok: true, from: CaseStage.CLOSED, to: stage });
    }
  });
});
