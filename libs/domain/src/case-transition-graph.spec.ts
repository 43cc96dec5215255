import { ALL_STAGES, CaseStage, OPEN_STAGES, Requirement } from './case-stage';
import {
  CASE_TRANSITIONS,
  INITIAL_STAGE,
  StageTransitions,
  TransitionTable,
  allowedTargets,
  assertStageGraphSound,
  isLegalStep,
  stageGraphProblems,
  transitionKind,
} from './case-transitions';

/** The edges of the design, written out by hand to check the table against. */
const EXPECTED_EDGES: [CaseStage | null, CaseStage][] = [
  [null, CaseStage.SURVEY],
  [CaseStage.SURVEY, CaseStage.OUTREACH],
  [CaseStage.OUTREACH, CaseStage.GUIDANCE],
  [CaseStage.GUIDANCE, CaseStage.FOUNDING_CEREMONY],
  [CaseStage.FOUNDING_CEREMONY, CaseStage.RECOGNITION_DECISION],
  [CaseStage.RECOGNITION_DECISION, CaseStage.RECOGNIZED],
  ...OPEN_STAGES.map((s): [CaseStage, CaseStage] => [s, CaseStage.CLOSED]),
  ...OPEN_STAGES.map((s): [CaseStage, CaseStage] => [CaseStage.CLOSED, s]),
];

describe('allowedTargets and isLegalStep', () => {
  it.each([
    [CaseStage.SURVEY, [CaseStage.OUTREACH, CaseStage.CLOSED]],
    [CaseStage.OUTREACH, [CaseStage.GUIDANCE, CaseStage.CLOSED]],
    [CaseStage.GUIDANCE, [CaseStage.FOUNDING_CEREMONY, CaseStage.CLOSED]],
    [CaseStage.FOUNDING_CEREMONY, [CaseStage.RECOGNITION_DECISION, CaseStage.CLOSED]],
    [CaseStage.RECOGNITION_DECISION, [CaseStage.RECOGNIZED, CaseStage.CLOSED]],
    [CaseStage.RECOGNIZED, []],
    [CaseStage.CLOSED, [...OPEN_STAGES]],
  ])('allowedTargets(%s) = %j', (stage, targets) => {
    expect(allowedTargets(stage)).toEqual(targets);
  });

  it('returns a copy the caller may change without bending the graph', () => {
    const t = allowedTargets(CaseStage.SURVEY);
    t.push(CaseStage.RECOGNIZED);
    expect(allowedTargets(CaseStage.SURVEY)).toEqual([CaseStage.OUTREACH, CaseStage.CLOSED]);
    expect(isLegalStep(CaseStage.SURVEY, CaseStage.RECOGNIZED)).toBe(false);
  });

  it('matches the hand-written edge list on every (from, to) pair', () => {
    const key = (from: CaseStage | null, to: CaseStage): string => `${from ?? 'null'}->${to}`;
    const expected = new Set(EXPECTED_EDGES.map(([f, t]) => key(f, t)));
    let legal = 0;
    for (const from of [null, ...ALL_STAGES]) {
      for (const to of ALL_STAGES) {
        const isLegal = isLegalStep(from, to);
        expect([key(from, to), isLegal]).toEqual([key(from, to), expected.has(key(from, to))]);
        if (isLegal) legal += 1;
      }
    }
    expect(legal).toBe(EXPECTED_EDGES.length);
  });

  it('opens a case only into SURVEY', () => {
    expect(INITIAL_STAGE).toBe(CaseStage.SURVEY);
    expect(isLegalStep(null, CaseStage.SURVEY)).toBe(true);
    expect(isLegalStep(null, CaseStage.OUTREACH)).toBe(false);
    expect(isLegalStep(null, CaseStage.CLOSED)).toBe(false);
  });

  it('has no self-loops and no skipping stages', () => {
    for (const s of ALL_STAGES) expect(isLegalStep(s, s)).toBe(false);
    expect(isLegalStep(CaseStage.SURVEY, CaseStage.GUIDANCE)).toBe(false);
    expect(isLegalStep(CaseStage.OUTREACH, CaseStage.SURVEY)).toBe(false);
    expect(isLegalStep(CaseStage.RECOGNIZED, CaseStage.CLOSED)).toBe(false);
    expect(isLegalStep(CaseStage.CLOSED, CaseStage.RECOGNIZED)).toBe(false);
  });

  it('refuses an unknown source stage instead of throwing', () => {
    expect(isLegalStep('BOGUS' as CaseStage, CaseStage.SURVEY)).toBe(false);
  });
});

describe('transitionKind', () => {
  it.each([
    [null, CaseStage.SURVEY, 'OPEN'],
    [CaseStage.SURVEY, CaseStage.OUTREACH, 'ADVANCE'],
    [CaseStage.RECOGNITION_DECISION, CaseStage.RECOGNIZED, 'ADVANCE'],
    [CaseStage.GUIDANCE, CaseStage.CLOSED, 'CLOSE'],
    [CaseStage.CLOSED, CaseStage.GUIDANCE, 'REOPEN'],
    [CaseStage.SURVEY, CaseStage.GUIDANCE, null],
    [CaseStage.RECOGNIZED, CaseStage.CLOSED, null],
    [null, CaseStage.CLOSED, null],
  ])('%s -> %s is %s', (from, to, kind) => {
    expect(transitionKind(from as CaseStage | null, to)).toBe(kind);
  });
});

describe('the transition table', () => {
  it('is deeply frozen', () => {
    expect(Object.isFrozen(CASE_TRANSITIONS)).toBe(true);
    for (const row of Object.values(CASE_TRANSITIONS)) {
      expect(Object.isFrozen(row)).toBe(true);
      expect(Object.isFrozen(row.to)).toBe(true);
      expect(Object.isFrozen(row.guard)).toBe(true);
    }
  });

  it('every advance guard includes the assignee', () => {
    for (const stage of OPEN_STAGES) expect(CASE_TRANSITIONS[stage].guard).toContain(Requirement.NO_ASSIGNEE);
    expect(CASE_TRANSITIONS[CaseStage.RECOGNIZED].guard).toEqual([]);
    expect(CASE_TRANSITIONS[CaseStage.CLOSED].guard).toEqual([]);
  });

  it('every requirement guards some stage', () => {
    const used = new Set(OPEN_STAGES.flatMap((s) => CASE_TRANSITIONS[s].guard));
    expect([...used].sort()).toEqual(Object.values(Requirement).sort());
  });
});

describe('assertStageGraphSound', () => {
  function withRow(stage: string, row: StageTransitions | undefined): TransitionTable {
    const t: Record<string, StageTransitions | undefined> = { ...CASE_TRANSITIONS, [stage]: row };
    if (row === undefined) delete t[stage];
    return t as unknown as TransitionTable;
  }

  it('passes for the real graph', () => {
    expect(() => assertStageGraphSound()).not.toThrow();
    expect(stageGraphProblems()).toEqual([]);
  });

  it('names an unknown target', () => {
    const bad = withRow(CaseStage.SURVEY, {
      to: [CaseStage.OUTREACH, 'LIMBO' as CaseStage, CaseStage.CLOSED],
      advance: CaseStage.OUTREACH,
      guard: [],
    });
    expect(() => assertStageGraphSound(bad)).toThrow(/SURVEY -> LIMBO: unknown target/);
  });

  it('names a stage unreachable from SURVEY', () => {
    const bad = withRow(CaseStage.RECOGNITION_DECISION, { to: [CaseStage.CLOSED], advance: null, guard: [] });
    expect(() => assertStageGraphSound(bad)).toThrow(/stage RECOGNIZED is unreachable from SURVEY/);
  });

  it('names every unreachable stage at once', () => {
    const bad: TransitionTable = {
      ...CASE_TRANSITIONS,
      [CaseStage.SURVEY]: { to: [CaseStage.CLOSED], advance: null, guard: [] },
      [CaseStage.CLOSED]: { to: [CaseStage.SURVEY], advance: null, guard: [] },
    };
    const problems = stageGraphProblems(bad);
    expect(problems).toEqual([
      'stage OUTREACH is unreachable from SURVEY',
      'stage GUIDANCE is unreachable from SURVEY',
      'stage FOUNDING_CEREMONY is unreachable from SURVEY',
      'stage RECOGNITION_DECISION is unreachable from SURVEY',
      'stage RECOGNIZED is unreachable from SURVEY',
    ]);
  });

  it('names a missing row', () => {
    const bad = withRow(CaseStage.RECOGNIZED, undefined);
    expect(() => assertStageGraphSound(bad)).toThrow(/stage RECOGNIZED has no row/);
  });

  it('names a row for a stage that does not exist', () => {
    const bad = withRow('LIMBO', { to: [], advance: null, guard: [] });
    expect(() => assertStageGraphSound(bad)).toThrow(/table row LIMBO is not a known stage/);
  });

  it('names an advance target missing from the edges', () => {
    const bad = withRow(CaseStage.OUTREACH, { to: [CaseStage.GUIDANCE, CaseStage.CLOSED], advance: CaseStage.RECOGNIZED, guard: [] });
    expect(() => assertStageGraphSound(bad)).toThrow(/OUTREACH: advance target RECOGNIZED is not among its edges/);
  });

  it('names an unknown requirement in a guard', () => {
    const bad = withRow(CaseStage.OUTREACH, {
      to: [CaseStage.GUIDANCE, CaseStage.CLOSED],
      advance: CaseStage.GUIDANCE,
      guard: ['NO_COFFEE' as Requirement],
    });
    expect(() => assertStageGraphSound(bad)).toThrow(/OUTREACH: unknown requirement NO_COFFEE/);
  });

  it('throws a plain Error whose message starts with a summary', () => {
    const bad = withRow(CaseStage.RECOGNIZED, undefined);
    expect(() => assertStageGraphSound(bad)).toThrow(Error);
    expect(() => assertStageGraphSound(bad)).toThrow(/^Case stage graph is unsound: /);
  });
});
