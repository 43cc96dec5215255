import { CloseReason } from '@app/domain';

/** The case a change is for, and the version the caller last read (a change to a case read since is refused). */
export interface CaseRef {
  caseId: string;
  expectedVersion: number;
}

export interface OpenCase {
  enterpriseId: string;
  assigneeId?: string | null;
}
export interface AssignCase extends CaseRef {
  assigneeId: string;
  reason?: string | null;
}
export interface RecordSurvey extends CaseRef {
  surveyedOn: string;
  workerCount: number;
  hasUnion: boolean;
  contactName?: string | null;
  note?: string | null;
}
export interface RecordOutreach extends CaseRef {
  heldOn: string;
  workersReached: number;
  workersInterested: number;
  note?: string | null;
}
export interface FormCommittee extends CaseRef {
  formedOn: string;
  memberNames: string[];
}
export interface RecordCongress extends CaseRef {
  heldOn: string;
  attendees: number;
  executiveCommittee: string[];
  chairName: string;
  dossierCompletedOn: string;
}
export interface RecordDecision extends CaseRef {
  decisionNumber: string;
  decidedOn: string;
  signedBy: string;
  grassrootsUnionName: string;
}
export interface AdvanceCase extends CaseRef {
  comment?: string | null;
}
export interface CloseCase extends CaseRef {
  reason: CloseReason;
  comment: string;
}
export interface ReopenCase extends CaseRef {
  comment: string;
}
