import { useMemo, useState } from 'react';
import { gql } from '../api';
import { fmtDate, fmtNumber } from '../i18n';
import { ORG } from '../queries-accounts';
import { useSession } from '../session';
import { ErrorBox, Notice } from '../ui/errors';
import { parseVnDate } from '../i18n';
import { RESTRUCTURE } from '../queries-restructuring';
import { DateField, TextField, dateProblem } from '../ui/fields';
import { Loading, PageTitle } from '../ui/page';
import { useAsync } from '../ui/use-async';
import { AsOfTree } from './org/AsOfTree';
import { ScheduledChanges } from './org/ScheduledChanges';
import { OrgTreeNode, type Editing } from './org/OrgTreeNode';
import { allIds, buildTree, pathTo, searchTree } from './org/tree';

/**
 * Tổ chức: the units the caller oversees as a tree (ADMIN: all; SUPERVISOR: its subtree), each with
 * its own figures; a unit is added below another or renamed here; an ADMIN moves, renames or dissolves it from a
 * day, and anyone here reads its history and the tree as it stood on a chosen day (docs/architecture.md#restructuring).
 */
const AS_OF_LABEL = 'Xem cây tổ chức vào ngày';

export function OrgPage() {
  const { me, sup } = useSession();
  const tree = useAsync(async () => (await gql(ORG.tree, {})).orgUnitTree, []);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [dayText, setDayText] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [asOfError, setAsOfError] = useState<string | null>(null);
  // While another day loads, the tree shown so far is not passed off as that day's (useAsync's subject).
  const past = useAsync(async () => (asOf ? (await gql(RESTRUCTURE.treeAsOf, { d: asOf })).orgUnitTree : null), [asOf]);

  const roots = useMemo(() => buildTree(tree.data ?? []), [tree.data]);
  const found = useMemo(() => searchTree(roots, query), [roots, query]);
  // Unfolded at first: the roots and the level below them.
  const open = expanded ?? new Set(roots.flatMap((r) => [r.unit.id, ...r.children.map((c) => c.unit.id)]));
  const shownOpen = found ? new Set(allIds(found.roots)) : open;

  if (!sup) {
    return (
      <section>
        <PageTitle>Tổ chức</PageTitle>
        <p className="alert alert-info">Trang này dành cho Ban Thường vụ và quản trị viên.</p>
      </section>
    );
  }

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <section aria-labelledby="org-title" data-testid="org-page">
      <PageTitle sub={me.role === 'ADMIN' ? 'Toàn bộ hệ thống tổ chức công đoàn' : `Các đơn vị thuộc ${me.orgUnit.name}`}>
        <span id="org-title">Tổ chức</span>
      </PageTitle>
      <form className="filters" role="search" aria-label="Tìm đơn vị" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Tìm theo tên đơn vị" name="search" value={query} onChange={setQuery} placeholder="Gõ có dấu hoặc không dấu" testId="org-search" />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setExpanded(new Set(allIds(roots)))} disabled={!!found}>
            Mở rộng tất cả
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setExpanded(new Set())} disabled={!!found}>
            Thu gọn tất cả
          </button>
        </div>
        <p className="filters-summary" aria-live="polite">
          {found ? (
            <>
              <strong data-testid="org-matches">{fmtNumber(found.matches.size)}</strong> đơn vị khớp
            </>
          ) : (
            <>
              <strong>{fmtNumber(tree.data?.length ?? 0)}</strong> đơn vị
            </>
          )}
        </p>
      </form>
      <form
        className="filters org-as-of"
        aria-label="Cây tổ chức theo ngày"
        onSubmit={(e) => {
          e.preventDefault();
          // A day the calendar does not have is said beside the field, not asked of the API.
          const problem = dateProblem(dayText, AS_OF_LABEL);
          setAsOfError(problem ?? null);
          if (!problem) setAsOf(parseVnDate(dayText) || null);
        }}
      >
        <DateField label={AS_OF_LABEL} name="asOf" value={dayText} onChange={setDayText} error={asOfError ?? undefined} testId="org-as-of" />
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary btn-small" data-testid="org-as-of-show">
            Xem
          </button>
          {asOf && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => {
                setAsOf(null);
                setAsOfError(null);
                setDayText('');
              }}
            >
              Về cây hiện tại
            </button>
          )}
        </div>
      </form>
      {flash && <Notice reveal>{flash}</Notice>}
      {asOf && (
        <section aria-label="Cây tổ chức theo ngày" data-testid="org-as-of-view">
          <h2>Cây tổ chức ngày {fmtDate(asOf)}</h2>
          <ScheduledChanges until={asOf} />
          <ErrorBox error={past.error} />
          {past.loading && !past.data && <Loading what="cây tổ chức" />}
          {past.data && <AsOfTree units={past.data} query={query} />}
        </section>
      )}
      <ErrorBox error={tree.error} />
      {tree.loading && !tree.data && <Loading what="cây tổ chức" />}
      {found && found.roots.length === 0 && <p className="empty-state">Không có đơn vị nào có tên như vậy.</p>}
      <ul className="org-tree" aria-label="Cây tổ chức" data-testid="org-tree" hidden={!!asOf}>
        {(found?.roots ?? roots).map((n) => (
          <OrgTreeNode
            key={n.unit.id}
            node={n}
            level={1}
            expanded={shownOpen}
            toggle={toggle}
            matches={found?.matches ?? null}
            editing={editing}
            setEditing={(e) => {
              setFlash(null);
              setEditing(e);
            }}
            canRename={(id) => me.role === 'ADMIN' || id !== me.orgUnit.id}
            canRestructure={me.role === 'ADMIN'}
            units={tree.data ?? []}
            onChanged={(message, expand) => {
              setFlash(message);
              // A unit was added: the search is cleared and the way down to its parent unfolded, so that it shows.
              if (expand) {
                setQuery('');
                setExpanded(new Set([...open, ...pathTo(tree.data ?? [], expand)]));
              }
              tree.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
