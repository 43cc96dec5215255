import { IneligibleReason } from '@app/domain';

/** What submitApplication and decideApplication take (docs/architecture.md#grassroots-unions). */
export interface SubmitApplication {
  caseId?: string | null;
  grassrootsUnionId?: string | null;
  fullName: string;
  personalId?: string | null;
  birthYear: number;
  gender: string;
  position: string;
  isManager: boolean;
  servingSentence: boolean;
  nationality: string;
  contractMonths?: number | null;
  submittedOn: string;
}

export interface DecideApplication {
  applicationId: string;
  admit: boolean;
  decidedOn: string;
  decisionNumber?: string | null;
  reason?: string | null;
}

export const INELIGIBLE_REASONS = Object.values(IneligibleReason);
