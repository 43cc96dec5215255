import { CaseStage } from '@app/domain/case-stage';
import { CASE_TRANSITIONS, INITIAL_STAGE } from '@app/domain/case-transitions';

/**
 * The stage graph the dashboard draws, taken from the domain's own table (the server checks every
 * step against the same one), so the board, the stepper and the advance button cannot drift from it.
 * Only the pure domain modules are imported; their Vietnamese labels live in i18n.ts.
 */
export { ALL_STAGES, CaseStage, CloseReason, isOpenStage } from '@app/domain/case-stage';

/** Where `advance` leads from a stage; null where the stage does not advance (RECOGNIZED, CLOSED). */
export function nextStage(stage: CaseStage): CaseStage | null {
  return CASE_TRANSITIONS[stage].advance;
}

/** The stages a case walks by advancing, from the opening one to RECOGNIZED: the stepper's steps. */
export const ADVANCE_PATH: readonly CaseStage[] = Object.freeze(
  (() => {
    const path: CaseStage[] = [];
    for (let s: CaseStage | null = INITIAL_STAGE; s !== null; s = nextStage(s)) path.push(s);
    return path;
  })(),
);
