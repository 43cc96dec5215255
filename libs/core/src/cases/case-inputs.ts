import { CloseReason } from '@app/domain';

export interface OpenCase { enterpriseId: string; assigneeId?: string | null }
export interface AssignCase { caseId: string; expectedVersion: number; assigneeId: string; reason?: string | null }
export interface RecordSurvey { caseId: string; expectedVersion: number; surveyedOn: string; workerCount: number; hasUnion: boolean; contactName?: string | null; note?: string | null }
export interface RecordOutreach { caseId: string; expectedVersion: number; heldOn: string; workersReached: number; workersInterested: number; note?: string | null }
export interface FormCommittee { caseId: string; expectedVersion: number; formedOn: string; memberNames: string[] }
export interface RecordCongress { caseId: string; expectedVersion: number; heldOn: string; attendees: number; executiveCommittee: string[]; chairName: string; dossierCompletedOn: string }
export interface RecordDecision { caseId: string; expectedVersion: number; decisionNumber: string; decidedOn: string; signedBy: string; grassrootsUnionName: string }
export interface AdvanceCase { caseId: string; expectedVersion: number; comment?: string | null }
export interface CloseCase { caseId: string; expectedVersion: number; reason: CloseReason; comment: string }
export interface ReopenCase { caseId: string; expectedVersion: number; comment: string }
