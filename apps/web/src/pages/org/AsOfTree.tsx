import { ORG_UNIT_KIND_LABEL } from '../../i18n-registers';
import type { AsOfUnit } from '../../queries-restructuring';
import { fold } from '../../text';

interface Node {
  unit: AsOfUnit;
  children: Node[];
}

/**
 * The tree as it stood on a day (orgUnitTree(asOf)): names and parents of that day, read only, fully unfolded.
 * With `query`, the units whose name of that day contains it (without diacritics), whole, with the units above them.
 */
export function AsOfTree({ units, query }: { units: AsOfUnit[]; query: string }) {
  const byId = new Map(units.map((u) => [u.id, { unit: u, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const n of byId.values()) {
    const parent = n.unit.parentId ? byId.get(n.unit.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const q = fold(query);
  const keep = (n: Node): Node | null => {
    if (!q || fold(n.unit.name).includes(q)) return n;
    const children = n.children.map(keep).filter((c): c is Node => c !== null);
    return children.length ? { unit: n.unit, children } : null;
  };
  const shown = roots.map(keep).filter((n): n is Node => n !== null);
  if (!shown.length) return <p className="empty-state">Không có đơn vị nào vào ngày này.</p>;
  return (
    <ul className="org-tree" aria-label="Cây tổ chức theo ngày" data-testid="org-tree-as-of">
      {shown.map((n) => (
        <Branch key={n.unit.id} node={n} />
      ))}
    </ul>
  );
}

function Branch({ node }: { node: Node }) {
  return (
    <li className="org-node" data-testid="org-node-as-of" data-unit-id={node.unit.id} data-unit-name={node.unit.name}>
      <div className="org-row">
        <span className="org-toggle org-leaf" aria-hidden="true">
          •
        </span>
        <div className="org-main">
          <p className="org-name">
            <strong>{node.unit.name}</strong> <span className="muted small">{ORG_UNIT_KIND_LABEL[node.unit.kind]}</span>
          </p>
        </div>
      </div>
      {node.children.length > 0 && (
        <ul className="org-children">
          {node.children.map((c) => (
            <Branch key={c.unit.id} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
