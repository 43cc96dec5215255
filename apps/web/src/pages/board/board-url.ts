import { ALL_STAGES, type CaseStage } from '../../stages';

/** How the board shows its cases: the stage columns, or a paged list for units with hundreds of cases. */
export type BoardView = 'kanban' | 'list';

/** What the board's address keeps, so that going back from a case finds the same view and filter. */
export interface BoardUrlState {
  view: BoardView;
  stage: CaseStage | '';
  search: string;
  district: string;
  /** The officer filter (a user's id), the unit filter (a unit's id), "overdue only". */
  assigneeId: string;
  orgUnitId: string;
  overdueOnly: boolean;
}

const ID = /^[0-9a-f-]{36}$/i;

export const BOARD_PATH = '/';

export function boardStateOf(q: URLSearchParams): BoardUrlState {
  const stage = q.get('giai-doan');
  return {
    view: q.get('xem') === 'danh-sach' ? 'list' : 'kanban',
    stage: stage && (ALL_STAGES as readonly string[]).includes(stage) ? (stage as CaseStage) : '',
    search: q.get('tim') ?? '',
    district: q.get('huyen') ?? '',
    assigneeId: ID.test(q.get('can-bo') ?? '') ? q.get('can-bo')! : '',
    orgUnitId: ID.test(q.get('don-vi') ?? '') ? q.get('don-vi')! : '',
    overdueOnly: q.get('qua-han') === '1',
  };
}

/** The address of the board in that state (the kanban view without filters is just "/"). */
export function boardUrlOf(s: BoardUrlState): string {
  const q = new URLSearchParams();
  if (s.view === 'list') q.set('xem', 'danh-sach');
  if (s.stage) q.set('giai-doan', s.stage);
  if (s.search.trim()) q.set('tim', s.search.trim());
  if (s.district.trim()) q.set('huyen', s.district.trim());
  if (s.assigneeId) q.set('can-bo', s.assigneeId);
  if (s.orgUnitId) q.set('don-vi', s.orgUnitId);
  if (s.overdueOnly) q.set('qua-han', '1');
  const qs = q.toString();
  return qs ? `${BOARD_PATH}?${qs}` : BOARD_PATH;
}
