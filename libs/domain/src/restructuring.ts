import { IsoDate, addDays, isIsoDate } from './calendar-days';

/**
 * The kinds of change to the union's structure named by the Charter (Điều lệ Công đoàn Việt Nam), kept as data
 * on each change (docs/architecture.md#restructuring). The API writes FOUND, MOVE, RENAME, DISSOLVE, MERGE, CONSOLIDATE,
 * SPLIT, UPGRADE and DOWNGRADE; the others are accepted as the label of a change a later operation may write.
 */
export enum OrgChangeKind {
  FOUND = 'FOUND',
  MERGE = 'MERGE',
  CONSOLIDATE = 'CONSOLIDATE',
  TRANSFER_OUT = 'TRANSFER_OUT',
  RECEIVE = 'RECEIVE',
  SPLIT = 'SPLIT',
  UPGRADE = 'UPGRADE',
  DOWNGRADE = 'DOWNGRADE',
  DISSOLVE = 'DISSOLVE',
  RENAME = 'RENAME',
  MOVE = 'MOVE',
}

export const ORG_CHANGE_KIND_LABEL_VI: Readonly<Record<OrgChangeKind, string>> = Object.freeze({
  [OrgChangeKind.FOUND]: 'Thành lập',
  [OrgChangeKind.MERGE]: 'Sáp nhập',
  [OrgChangeKind.CONSOLIDATE]: 'Hợp nhất',
  [OrgChangeKind.TRANSFER_OUT]: 'Chuyển đi',
  [OrgChangeKind.RECEIVE]: 'Tiếp nhận',
  [OrgChangeKind.SPLIT]: 'Chia tách',
  [OrgChangeKind.UPGRADE]: 'Nâng cấp',
  [OrgChangeKind.DOWNGRADE]: 'Hạ cấp',
  [OrgChangeKind.DISSOLVE]: 'Giải thể',
  [OrgChangeKind.RENAME]: 'Đổi tên',
  [OrgChangeKind.MOVE]: 'Chuyển đơn vị cấp trên',
});

export enum OrgChangeStatus {
  SCHEDULED = 'SCHEDULED',
  APPLIED = 'APPLIED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}

/** How far back a change may take effect: figures already reported for older days must not move. */
export const MAX_BACKDATED_DAYS = 31;

/**
 * The rule an effective day breaks, or null: a real day, at most MAX_BACKDATED_DAYS before today, after the last
 * closed month end (`closedUpTo`, chốt số liệu) and not before `notBefore` (the latest dated change of the units
 * concerned: a unit's history is written in order).
 */
export function effectiveDayProblem(day: unknown, today: IsoDate, closedUpTo: IsoDate | null, notBefore: IsoDate | null): string | null {
  if (typeof day !== 'string' || !isIsoDate(day)) return 'Ngày hiệu lực phải là một ngày có thật, dạng YYYY-MM-DD';
  const earliest = addDays(today, -MAX_BACKDATED_DAYS);
  if (day < earliest) return `Ngày hiệu lực không được trước ngày ${vnDay(earliest)} (tối đa ${MAX_BACKDATED_DAYS} ngày trước hôm nay)`;
  if (closedUpTo && day <= closedUpTo) return `Ngày hiệu lực phải sau ngày đã chốt số liệu ${vnDay(closedUpTo)}`;
  if (notBefore && day < notBefore) return `Ngày hiệu lực không được trước ngày ${vnDay(notBefore)}: đơn vị đã có thay đổi hoặc chưa tồn tại trước ngày đó`;
  return null;
}

/** A path (ids joined by '.') as its ids, root first. */
export function pathIds(path: string): string[] {
  return path.split('.');
}

/** True when `unitId` lies on `path` (the unit itself or one of its ancestors): moving it under that path makes a cycle. */
export function wouldCycle(unitId: string, newParentPath: string): boolean {
  return pathIds(newParentPath).includes(unitId);
}

function vnDay(d: IsoDate): string {
  const [y, m, dd] = d.split('-');
  return `${dd}/${m}/${y}`;
}
