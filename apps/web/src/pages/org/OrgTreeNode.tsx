import { fmtDate, fmtNumber } from '../../i18n';
import { ORG_UNIT_KIND_LABEL } from '../../i18n-registers';
import type { HeadFigures, UnitLine } from '../../queries-accounts';
import { OrgHistory } from './OrgHistory';
import { AddChildForm, RenameForm, childKinds } from './OrgUnitForms';
import { RestructureForm } from './RestructureForm';
import type { TreeNode } from './tree';

/** Which unit has which form open (one at a time on the page). */
export type Editing = { mode: 'add' | 'rename' | 'restructure' | 'history'; id: string } | null;

export interface TreeProps {
  expanded: Set<string>;
  toggle: (id: string) => void;
  matches: Set<string> | null;
  editing: Editing;
  setEditing: (e: Editing) => void;
  /** Whether the caller may rename this unit (a supervisor: the units below its own). */
  canRename: (id: string) => boolean;
  /** ADMIN: dated moves, renamings and dissolutions (docs/architecture.md#restructuring). */
  canRestructure: boolean;
  /** Every unit shown, for the receiving unit's picker. */
  units: UnitLine[];
  onChanged: (message: string, expand?: string) => void;
}

/** One unit of the tree: its name, level and figures, its buttons, and the units below it when unfolded. */
export function OrgTreeNode({ node, level, ...p }: TreeProps & { node: TreeNode; level: number }) {
  const u = node.unit;
  const open = p.expanded.has(u.id);
  const hasChildren = node.children.length > 0;
  const editing = p.editing?.id === u.id ? p.editing.mode : null;
  const close = () => p.setEditing(null);
  return (
    <li className={`org-node${p.matches?.has(u.id) ? ' org-match' : ''}`} data-testid="org-node" data-unit-id={u.id} data-unit-name={u.name} data-level={level}>
      <div className="org-row">
        {hasChildren ? (
          <button
            type="button"
            className="org-toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Thu gọn' : 'Mở rộng'} ${u.name}`}
            onClick={() => p.toggle(u.id)}
            data-testid="org-toggle"
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="org-toggle org-leaf" aria-hidden="true">
            •
          </span>
        )}
        <div className="org-main">
          <p className="org-name">
            <strong data-testid="org-name">{u.name}</strong> <span className="muted small">{ORG_UNIT_KIND_LABEL[u.kind]}</span>
            {u.dissolvedAt && <span className="badge badge-closed">Đã giải thể</span>}
          </p>
          <p className="muted small" data-testid="org-established">
            Thành lập {fmtDate(u.establishedOn)}
          </p>
          <Figures f={u.headFigures} />
        </div>
        <div className="org-actions">
          {childKinds(u.kind).length > 0 && !u.dissolvedAt && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => p.setEditing({ mode: 'add', id: u.id })} data-testid="org-add-child">
              + Đơn vị trực thuộc
            </button>
          )}
          {p.canRename(u.id) && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => p.setEditing({ mode: 'rename', id: u.id })} data-testid="org-rename">
              Đổi tên
            </button>
          )}
          {p.canRestructure && !u.dissolvedAt && u.parent && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => p.setEditing({ mode: 'restructure', id: u.id })}
              data-testid="org-restructure"
            >
              Sắp xếp tổ chức
            </button>
          )}
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => p.setEditing({ mode: 'history', id: u.id })}
            data-testid="org-history-open"
          >
            Lịch sử
          </button>
        </div>
      </div>
      {editing === 'add' && (
        <AddChildForm
          parent={u}
          onCancel={close}
          onDone={(m) => {
            close();
            p.onChanged(m, u.id);
          }}
        />
      )}
      {editing === 'rename' && (
        <RenameForm
          unit={u}
          onCancel={close}
          onDone={(m) => {
            close();
            p.onChanged(m);
          }}
        />
      )}
      {editing === 'restructure' && (
        <RestructureForm
          unit={u}
          units={p.units}
          onCancel={close}
          onDone={(m) => {
            close();
            p.onChanged(m);
          }}
        />
      )}
      {editing === 'history' && <OrgHistory unitId={u.id} unitName={u.name} canCancel={p.canRestructure} onClose={close} onChanged={(m) => p.onChanged(m)} />}
      {hasChildren && open && (
        <ul className="org-children">
          {node.children.map((c) => (
            <OrgTreeNode key={c.unit.id} node={c} level={level + 1} {...p} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The unit's own figures at a glance (not its subtree's). */
function Figures({ f }: { f: HeadFigures }) {
  return (
    <ul className="org-figures" data-testid="org-figures" aria-label="Số liệu của đơn vị">
      <li title="Doanh nghiệp từ 25 lao động của đơn vị, và số đã có công đoàn">
        DN ≥25 LĐ: <strong>{fmtNumber(f.enterprises25Plus)}</strong> (có CĐ {fmtNumber(f.withUnion)})
      </li>
      <li>
        Hồ sơ đang mở: <strong>{fmtNumber(f.openCases)}</strong>
        {f.overdueCases > 0 && <span className="badge badge-overdue">{fmtNumber(f.overdueCases)} quá hạn</span>}
      </li>
      <li>
        Tài khoản: <strong>{fmtNumber(f.activeUsers)}</strong>
      </li>
      <li>
        Trực thuộc: <strong>{fmtNumber(f.childCount)}</strong>
      </li>
    </ul>
  );
}
