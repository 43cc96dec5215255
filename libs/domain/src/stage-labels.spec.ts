import { ALL_STAGES, CaseStage } from './case-stage';
import { STAGE_LABELS } from './stage-labels';

describe('STAGE_LABELS', () => {
  it('names every stage once, in Vietnamese', () => {
    expect(Object.keys(STAGE_LABELS).sort()).toEqual([...ALL_STAGES].sort());
    for (const s of ALL_STAGES) expect(STAGE_LABELS[s]).toMatch(/^\p{Lu}[\p{L} ]+$/u);
    expect(new Set(Object.values(STAGE_LABELS)).size).toBe(ALL_STAGES.length);
    expect(STAGE_LABELS[CaseStage.RECOGNITION_DECISION]).toBe('Quyết định công nhận');
  });
});
