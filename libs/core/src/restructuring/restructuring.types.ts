import { IsoDate, ORG_CHANGE_KIND_LABEL_VI, OrgChangeKind, OrgChangeStatus } from '@app/domain';
import { OfficersPolicy, TargetsPolicy } from './restructuring-apply';

// What restructuring takes, stores and answers (docs/architecture.md#restructuring).

/** Every structural write runs under this transaction lock: changes apply one after another (no cycle by a race). */
export const RESTRUCTURE_LOCK = 724_020;
export const MAX_DECISION_REFERENCE = 200;
export const MAX_UNITS_PER_CHANGE = 5000;
export const KINDS = ['CONFEDERATION', 'FEDERATION', 'UPPER_LEVEL', 'GRASSROOTS'];

export interface ChangeCommon {
  effectiveOn: string;
  decisionReference: string;
}
export interface MoveOrgUnit extends ChangeCommon {
  id: string;
  newParentId: string;
}
export interface TransferOrgUnits extends ChangeCommon {
  ids: string[];
  newParentId: string;
}
export interface RenameOrgUnitOn extends ChangeCommon {
  id: string;
  name: string;
}
export interface NewUnit {
  name: string;
  kind: string;
  parentId: string;
}
export interface FoundOrgUnit extends ChangeCommon, NewUnit {}
/** A unit's level one step up (UPGRADE) or down (DOWNGRADE), under `newParentId` at once when given. */
export interface ChangeOrgUnitLevel extends ChangeCommon {
  id: string;
  newParentId?: string | null;
}
export interface DissolveOrgUnit extends ChangeCommon {
  id: string;
  transferTo?: string | null;
  officers?: OfficersPolicy | null;
  targets?: TargetsPolicy | null;
}
export interface MergeOrgUnits extends ChangeCommon {
  ids: string[];
  into?: string | null;
  newUnit?: NewUnit | null;
  officers?: OfficersPolicy | null;
  targets?: TargetsPolicy | null;
}

/** One new unit of a split, with what it takes from the split unit; kind and parent default to the split unit's. */
export interface SplitPart {
  name: string;
  kind?: string | null;
  parentId?: string | null;
  childIds: string[];
  enterpriseIds: string[];
  userIds: string[];
}
export interface SplitOrgUnit extends ChangeCommon {
  id: string;
  parts: SplitPart[];
  keepOriginal?: boolean | null;
  officers?: OfficersPolicy | null;
  targets?: TargetsPolicy | null;
}

/** What a change does, as stored (`org_unit_change.payload`). */
export interface ChangePayload {
  ids: string[];
  newParentId?: string;
  name?: string;
  transferTo?: string | null;
  into?: string | null;
  newUnit?: NewUnit | null;
  officers?: OfficersPolicy;
  targets?: TargetsPolicy;
  parts?: SplitPart[];
  keepOriginal?: boolean;
  summary: string;
}

export interface OrgUnitChange {
  id: string;
  kind: OrgChangeKind;
  kindLabel: string;
  status: OrgChangeStatus;
  effectiveOn: IsoDate;
  decisionReference: string;
  summary: string;
  unitIds: string[];
  foundedUnitIds: string[];
  createdById: string;
  createdByName: string;
  createdAt: Date;
  appliedAt: Date | null;
  cancelledAt: Date | null;
  failure: string | null;
  result: Record<string, unknown> | null;
}

export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  dissolved_at: Date | null;
  /** The first day of its open span (its latest dated change), '-infinity' when never changed. */
  since: string;
  /** The first day it exists ('-infinity': not dated). */
  began: string;
}

export const CHANGE_COLUMNS = `c.id::text, c.kind, c.status, to_char(c.effective_on, 'YYYY-MM-DD') AS effective_on, c.decision_reference, c.payload, c.unit_ids,
  c.created_by, u.full_name AS created_by_name, c.created_at, c.applied_at, c.cancelled_at, c.failure, c.result`;

export const STATUS_VI: Record<OrgChangeStatus, string> = {
  SCHEDULED: 'đã lên lịch',
  APPLIED: 'đã có hiệu lực',
  CANCELLED: 'đã hủy',
  FAILED: 'không áp dụng được',
};

export interface ChangeRow {
  id: string;
  kind: OrgChangeKind;
  status: OrgChangeStatus;
  effective_on: IsoDate;
  decision_reference: string;
  payload: ChangePayload | null;
  unit_ids: string[];
  created_by: string;
  created_by_name: string;
  created_at: Date;
  applied_at: Date | null;
  cancelled_at: Date | null;
  failure: string | null;
  result: Record<string, unknown> | null;
}

/** The ids a change concerns once applied: those it was judged on and the units it founded. */
export function appliedUnitIds(checked: readonly string[], done: Record<string, unknown>): string[] {
  return [...new Set([...checked, ...foundedBy(done)])];
}

/** The units an applied change founded (FOUND, CONSOLIDATE: one; SPLIT: its parts in order). */
function foundedBy(done: Record<string, unknown> | null): string[] {
  if (!done) return [];
  return [...(done.newUnitId ? [done.newUnitId as string] : []), ...((done.newUnitIds as string[] | undefined) ?? [])];
}

export function changeOf(r: ChangeRow): OrgUnitChange {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: ORG_CHANGE_KIND_LABEL_VI[r.kind],
    status: r.status,
    effectiveOn: r.effective_on,
    decisionReference: r.decision_reference,
    summary: r.payload?.summary ?? '',
    unitIds: r.unit_ids,
    foundedUnitIds: foundedBy(r.result),
    createdById: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    appliedAt: r.applied_at,
    cancelledAt: r.cancelled_at,
    failure: r.failure,
    result: r.result,
  };
}
