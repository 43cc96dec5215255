import { CaseStage, IsoDate, isIsoDate } from '@app/domain';
import { badInput } from '../common/app-error';
import { RULE, countProblem, dayMonthYear, fieldLabel, pastDayProblem } from '../common/messages-vi';
import { MAX_NAME, nameList, optionalText, requiredText } from '../common/text-input';
import { WorkerCountSource } from '../enterprises/enterprise-input';
import { isNewCount, lockCurrentCount, writeWorkerCount } from '../enterprises/worker-count-history';
import { CaseChange, CasePlan, stageRefusal } from './case-change.service';
import { FormCommittee, RecordCongress, RecordDecision, RecordOutreach, RecordSurvey } from './case-inputs';
import { CaseRow } from './case-row';
import { EvidenceKind } from './case-write';

/** Each kind of evidence: the stage it is recorded in and the history action that records it. */
const EVIDENCE: Record<EvidenceKind, { stage: CaseStage; action: string }> = {
  SURVEY: { stage: CaseStage.SURVEY, action: 'RECORD_SURVEY' },
  OUTREACH: { stage: CaseStage.OUTREACH, action: 'RECORD_OUTREACH' },
  COMMITTEE: { stage: CaseStage.GUIDANCE, action: 'FORM_COMMITTEE' },
  CONGRESS: { stage: CaseStage.FOUNDING_CEREMONY, action: 'RECORD_CONGRESS' },
  DECISION: { stage: CaseStage.RECOGNITION_DECISION, action: 'RECORD_DECISION' },
};

// Each function below checks its input at once (every bad field in one BAD_USER_INPUT, before the case is read)
// and returns the plan that records the evidence on the loaded case.

/** `by`: the user recording the survey (the worker count it brings is recorded as theirs). */
export function surveyPlan(input: RecordSurvey, today: IsoDate, by: string): CasePlan {
  const problems: Record<string, string> = {};
  checkPastDate(problems, 'surveyedOn', input.surveyedOn, today);
  checkCount(problems, 'workerCount', input.workerCount);
  const contactName = optionalText('contactName', input.contactName, MAX_NAME, problems);
  const note = optionalText('note', input.note, undefined, problems);
  if (Object.keys(problems).length) throw badInput(problems);
  return evidencePlan(
    'SURVEY',
    input.surveyedOn,
    { workerCount: input.workerCount, hasUnion: input.hasUnion, contactName },
    {
      comment: note,
      // The survey is the register's source for workforce and union status; a new count goes into the
      // enterprise's worker-count history (source SURVEY) with the same write.
      after: async (m, c) => {
        const current = await lockCurrentCount(m, c.enterpriseId);
        if (current && isNewCount(current, input.workerCount, input.surveyedOn)) {
          await writeWorkerCount(
            m,
            {
              enterpriseId: c.enterpriseId,
              workerCount: input.workerCount,
              countedOn: input.surveyedOn,
              source: WorkerCountSource.SURVEY,
              note,
              recordedBy: by,
            },
            { has_union: input.hasUnion },
          );
        } else {
          await m.query(`UPDATE enterprise SET has_union = $2, surveyed_on = $3, updated_at = now() WHERE id = $1`, [
            c.enterpriseId,
            input.hasUnion,
            input.surveyedOn,
          ]);
        }
      },
    },
  );
}

export function outreachPlan(input: RecordOutreach, today: IsoDate): CasePlan {
  const problems: Record<string, string> = {};
  checkPastDate(problems, 'heldOn', input.heldOn, today);
  checkCount(problems, 'workersReached', input.workersReached);
  checkCount(problems, 'workersInterested', input.workersInterested);
  if (!problems.workersInterested && !problems.workersReached && input.workersInterested > input.workersReached) {
    problems.workersInterested = RULE.notGreaterThan('workersInterested', 'workersReached');
  }
  const note = optionalText('note', input.note, undefined, problems);
  if (Object.keys(problems).length) throw badInput(problems);
  return evidencePlan('OUTREACH', input.heldOn, { workersReached: input.workersReached, workersInterested: input.workersInterested }, { comment: note });
}

export function committeePlan(input: FormCommittee, today: IsoDate): CasePlan {
  const problems: Record<string, string> = {};
  checkPastDate(problems, 'formedOn', input.formedOn, today);
  const memberNames = nameList(problems, 'memberNames', input.memberNames, 1, 50);
  if (Object.keys(problems).length) throw badInput(problems);
  return evidencePlan('COMMITTEE', input.formedOn, { memberNames });
}

export function congressPlan(input: RecordCongress, today: IsoDate): CasePlan {
  const problems: Record<string, string> = {};
  checkPastDate(problems, 'heldOn', input.heldOn, today);
  checkPastDate(problems, 'dossierCompletedOn', input.dossierCompletedOn, today);
  if (!problems.heldOn && !problems.dossierCompletedOn && input.dossierCompletedOn < input.heldOn) {
    problems.dossierCompletedOn = `${fieldLabel('dossierCompletedOn')} không được trước ngày đại hội (${dayMonthYear(input.heldOn)})`;
  }
  const attendees = countProblem('attendees', input.attendees, 1, MAX_COUNT);
  if (attendees) problems.attendees = attendees;
  const committee = nameList(problems, 'executiveCommittee', input.executiveCommittee, 1, 50);
  const chairName = requiredText(problems, 'chairName', input.chairName, MAX_NAME);
  if (!problems.executiveCommittee && chairName && !committee.includes(chairName)) {
    problems.chairName = `${fieldLabel('chairName')} phải là một thành viên ban chấp hành`;
  }
  if (Object.keys(problems).length) throw badInput(problems);
  return evidencePlan(
    'CONGRESS',
    input.heldOn,
    { attendees: input.attendees, executiveCommittee: committee, chairName, dossierCompletedOn: input.dossierCompletedOn },
    { set: { dossier_completed_on: input.dossierCompletedOn } },
  );
}

export function decisionPlan(input: RecordDecision, today: IsoDate): CasePlan {
  const problems: Record<string, string> = {};
  checkPastDate(problems, 'decidedOn', input.decidedOn, today);
  const decisionNumber = requiredText(problems, 'decisionNumber', input.decisionNumber, 100);
  const signedBy = requiredText(problems, 'signedBy', input.signedBy, MAX_NAME);
  const unionName = requiredText(problems, 'grassrootsUnionName', input.grassrootsUnionName, MAX_NAME);
  if (Object.keys(problems).length) throw badInput(problems);
  return evidencePlan(
    'DECISION',
    input.decidedOn,
    { decisionNumber, signedBy, grassrootsUnionName: unionName },
    {
      set: { decision_number: decisionNumber, decided_on: input.decidedOn },
      check: (row) => {
        if (row.entity.dossierCompletedOn && input.decidedOn < row.entity.dossierCompletedOn) {
          throw badInput({ decidedOn: `${fieldLabel('decidedOn')} không được trước ngày hoàn thiện hồ sơ (${dayMonthYear(row.entity.dossierCompletedOn)})` });
        }
      },
    },
  );
}

/** Evidence of `kind`, recorded in its stage (refused in any other); the case stays in that stage. */
function evidencePlan(
  kind: EvidenceKind,
  occurredOn: IsoDate,
  details: Record<string, unknown>,
  more: Pick<CaseChange, 'set' | 'after'> & { comment?: string | null; check?: (row: CaseRow) => void } = {},
): CasePlan {
  const { check, comment = null, ...writes } = more;
  return (row) => {
    if (row.facts.stage !== EVIDENCE[kind].stage) throw stageRefusal(row, EVIDENCE[kind].stage);
    check?.(row);
    return { action: EVIDENCE[kind].action, toStage: row.facts.stage, comment, ...writes, evidence: { kind, occurredOn, details } };
  };
}

const MAX_COUNT = 1_000_000;

function checkPastDate(problems: Record<string, string>, field: string, value: string, today: IsoDate): void {
  const problem = pastDayProblem(field, value, today, isIsoDate);
  if (problem) problems[field] = problem;
}

function checkCount(problems: Record<string, string>, field: string, value: number): void {
  const problem = countProblem(field, value, 0, MAX_COUNT);
  if (problem) problems[field] = problem;
}
