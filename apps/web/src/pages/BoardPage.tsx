import { useEffect, useMemo, useState } from 'react';
import { CLOSE_REASON_LABEL, STAGE_LABEL, fmtDate, fmtNumber, labelOf } from '../i18n';
import { loadAllCases } from '../cases';
import { type CaseCard, type CaseFilter, type UserRef } from '../queries';
import { Link, useLocation } from '../router';
import { isAdmin, useSession } from '../session';
import { ALL_STAGES, type CaseStage } from '../stages';
import { ErrorBox } from '../ui/errors';
import { CheckboxField, SelectField, TextField } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { useDebounced } from '../ui/pager';
import { useAsync } from '../ui/use-async';
import { useUnitUsers, useUnits } from '../units';
import { BoardList } from './board/BoardList';
import { CalendarWarnings } from './calendar/CalendarWarnings';
import { OpenCaseForm } from './board/OpenCaseForm';
import { boardStateOf, boardUrlOf, type BoardView } from './board/board-url';

export function BoardPage() {
  const { sup, me } = useSession();
  // The view and every filter live in the address (see board-url.ts), so the way back from a case finds them.
  const [initial] = useState(() => boardStateOf(new URLSearchParams(location.search)));
  const [assigneeId, setAssigneeId] = useState(initial.assigneeId);
  const [orgUnitId, setOrgUnitId] = useState(initial.orgUnitId);
  const [overdueOnly, setOverdueOnly] = useState(initial.overdueOnly);
  const [view, setView] = useState<BoardView>(initial.view);
  const [stage, setStage] = useState<CaseStage | ''>(initial.stage);
  const [search, setSearch] = useState(initial.search);
  const [district, setDistrict] = useState(initial.district);
  // Typed text is asked for once it rests, not at every key.
  const typedSearch = useDebounced(search.trim());
  const typedDistrict = useDebounced(district.trim());
  const [seen, setSeen] = useState<Map<string, UserRef>>(new Map());
  const units = useUnits();
  const unitOfficers = useUnitUsers(sup ? (units.data ?? []) : [], 'OFFICER');

  const filter = useMemo(() => {
    const f: CaseFilter = {};
    if (assigneeId) f.assigneeId = assigneeId;
    if (orgUnitId) f.orgUnitId = orgUnitId;
    if (overdueOnly) f.overdue = true;
    if (typedSearch) f.search = typedSearch;
    if (typedDistrict) f.district = typedDistrict;
    if (stage) f.stage = stage;
    return f;
  }, [assigneeId, orgUnitId, overdueOnly, typedSearch, typedDistrict, stage]);

  const written = boardUrlOf({ view, stage, search: typedSearch, district: typedDistrict, assigneeId, orgUnitId, overdueOnly });
  useEffect(() => {
    history.replaceState(null, '', written);
  }, [written]);
  // A navigation to the board while it is open (its menu item: "/") sets the board to what the address says.
  const address = useLocation().query.toString();
  useEffect(() => {
    const s = boardStateOf(new URLSearchParams(address));
    if (boardUrlOf(s) === written) return;
    setView(s.view);
    setStage(s.stage);
    setSearch(s.search);
    setDistrict(s.district);
    setAssigneeId(s.assigneeId);
    setOrgUnitId(s.orgUnitId);
    setOverdueOnly(s.overdueOnly);
  }, [address]);

  // The columns load every matching case; the list only its page (BoardList).
  const cases = useAsync(async () => (view === 'kanban' ? loadAllCases(filter) : null), [filter, view], { subject: [] });

  // The officer filter offers the units' officers and anyone seen on a loaded case (a supervisor may be assigned too).
  useEffect(() => {
    if (!cases.data) return;
    setSeen((prev) => {
      const next = new Map(prev);
      for (const c of cases.data!) if (c.assignee) next.set(c.assignee.id, c.assignee);
      return next.size === prev.size ? prev : next;
    });
  }, [cases.data]);

  const officers = useMemo(() => {
    const m = new Map<string, UserRef>(seen);
    for (const o of unitOfficers.data ?? []) m.set(o.id, o);
    return [...m.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }, [seen, unitOfficers.data]);

  const byStage = useMemo(() => {
    const m = new Map<CaseStage, CaseCard[]>(ALL_STAGES.map((s) => [s, []]));
    for (const c of cases.data ?? []) m.get(c.stage)?.push(c);
    return m;
  }, [cases.data]);

  const total = cases.data?.length ?? 0;
  const overdueTotal = (cases.data ?? []).filter((c) => c.overdue).length;

  return (
    <section aria-labelledby="board-title">
      <PageTitle sub={sup ? 'Hồ sơ thành lập CĐCS trong phạm vi đơn vị' : 'Hồ sơ thành lập CĐCS được phân công cho bạn'}>
        <span id="board-title">Bảng tiến độ thành lập CĐCS</span>
      </PageTitle>

      {/* Supervisors and admins: due days counted across a year without days off are wrong (docs/architecture.md#the-working-day-calendar-and-due-days). */}
      {sup && <CalendarWarnings admin={isAdmin(me)} />}

      <form className="filters" role="search" aria-label="Lọc hồ sơ" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Tìm doanh nghiệp theo tên hoặc mã số thuế"
          name="search"
          value={search}
          onChange={setSearch}
          placeholder="Gõ có dấu hoặc không dấu"
          testId="board-search"
        />
        <TextField label="Huyện/Xã" name="district" value={district} onChange={setDistrict} testId="board-filter-district" />
        {sup && (
          <SelectField
            label="Cán bộ phụ trách"
            name="assigneeId"
            value={assigneeId}
            onChange={setAssigneeId}
            options={[{ value: '', label: 'Tất cả cán bộ' }, ...officers.map((o) => ({ value: o.id, label: o.fullName }))]}
          />
        )}
        {sup && (
          <SelectField
            label="Đơn vị"
            name="orgUnitId"
            value={orgUnitId}
            onChange={setOrgUnitId}
            options={[{ value: '', label: 'Tất cả đơn vị' }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
          />
        )}
        <SelectField
          label="Giai đoạn"
          name="stage"
          testId="board-filter-stage"
          value={stage}
          onChange={setStage}
          options={[{ value: '' as const, label: 'Tất cả giai đoạn' }, ...ALL_STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }))]}
        />
        <CheckboxField label="Chỉ hồ sơ quá hạn" name="overdue" checked={overdueOnly} onChange={setOverdueOnly} />
        {view === 'kanban' && (
          <p className="filters-summary" aria-live="polite">
            <strong data-testid="board-total">{fmtNumber(total)}</strong> hồ sơ
            {overdueTotal > 0 && (
              <>
                {' · '}
                <span className="badge badge-overdue">{fmtNumber(overdueTotal)} quá hạn</span>
              </>
            )}
          </p>
        )}
      </form>

      <div className="view-switch" role="group" aria-label="Cách hiển thị">
        {(['kanban', 'list'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={`btn btn-small ${view === v ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={view === v}
            onClick={() => setView(v)}
            data-testid={`board-view-${v}`}
          >
            {v === 'kanban' ? 'Theo giai đoạn' : 'Danh sách'}
          </button>
        ))}
      </div>

      {sup && <OpenCaseForm />}

      {view === 'list' ? (
        <BoardList filter={filter} showUnit={sup && (units.data?.length ?? 0) > 1} />
      ) : (
        <>
          <ErrorBox error={cases.error} />
          {cases.loading && !cases.data && <Loading what="hồ sơ" />}

          <div className={stage ? 'board board-single' : 'board'} data-testid="board">
            {ALL_STAGES.filter((s) => !stage || s === stage).map((s) => {
              const list = byStage.get(s) ?? [];
              const overdue = list.filter((c) => c.overdue).length;
              const headingId = `col-${s}`;
              return (
                <section className={`column column-${s.toLowerCase()}`} key={s} aria-labelledby={headingId} data-testid={`column-${s}`}>
                  <header className="column-head">
                    <h2 id={headingId}>{STAGE_LABEL[s]}</h2>
                    <span className="count" data-testid={`count-${s}`} aria-label={`${list.length} hồ sơ`}>
                      {fmtNumber(list.length)}
                    </span>
                    {overdue > 0 && <span className="badge badge-overdue">{fmtNumber(overdue)} quá hạn</span>}
                  </header>
                  <ul className="cards">
                    {list.map((c) => (
                      <li key={c.id}>
                        <CaseCardView c={c} />
                      </li>
                    ))}
                    {list.length === 0 && <li className="empty">Không có hồ sơ</li>}
                  </ul>
                </section>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

function CaseCardView({ c }: { c: CaseCard }) {
  return (
    <article className={`card${c.overdue ? ' card-overdue' : ''}`} data-testid="case-card" data-case-id={c.id}>
      <h3>
        <Link to={`/ho-so/${c.id}`}>{c.enterprise.name}</Link>
      </h3>
      <p className="card-meta">
        {fmtNumber(c.enterprise.workerCount)} lao động{c.enterprise.district ? ` · ${c.enterprise.district}` : ''}
      </p>
      <p className="card-meta">{c.assignee ? c.assignee.fullName : <em>Chưa phân công</em>}</p>
      {c.stageDueOn && (
        <p className="card-due">
          Hạn giai đoạn: <time dateTime={c.stageDueOn}>{fmtDate(c.stageDueOn)}</time>
        </p>
      )}
      {c.closedReason && <p className="card-meta">Lý do đóng: {labelOf(CLOSE_REASON_LABEL, c.closedReason)}</p>}
      {c.overdue && (
        <p>
          <span className="badge badge-overdue" data-testid="overdue-badge">
            ⚠ Quá hạn
          </span>
        </p>
      )}
    </article>
  );
}
