import type { OrgNode, UnitLine } from '../../queries-accounts';
import { fold } from '../../text';

/** A unit with the units directly below it, as the tree draws it. */
export interface TreeNode<U extends UnitLine = OrgNode> {
  unit: U;
  children: TreeNode<U>[];
}

/**
 * The tree of the units `orgUnitTree` lists (parents before children, each naming its parent): a
 * unit whose parent is not in the list (the caller's own unit, or the root) is a root. Children by name.
 */
export function buildTree<U extends UnitLine>(units: readonly U[]): TreeNode<U>[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as TreeNode<U>[] }]));
  const roots: TreeNode<U>[] = [];
  for (const n of nodes.values()) {
    const parent = n.unit.parent ? nodes.get(n.unit.parent.id) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const byName = (a: TreeNode<U>, b: TreeNode<U>) => a.unit.name.localeCompare(b.unit.name, 'vi');
  for (const n of nodes.values()) n.children.sort(byName);
  return roots.sort(byName);
}

/**
 * The part of the tree a search shows: the units whose name contains the query (compared without
 * diacritics: "cong doan" finds "Công đoàn"), with the units above them for context. Null: no query.
 */
export function searchTree(roots: readonly TreeNode[], query: string): { roots: TreeNode[]; matches: Set<string> } | null {
  const q = fold(query);
  if (!q) return null;
  const matches = new Set<string>();
  const keep = (n: TreeNode): TreeNode | null => {
    const children = n.children.map(keep).filter((c): c is TreeNode => c !== null);
    const hit = fold(n.unit.name).includes(q);
    if (hit) matches.add(n.unit.id);
    return hit || children.length ? { unit: n.unit, children } : null;
  };
  return { roots: roots.map(keep).filter((n): n is TreeNode => n !== null), matches };
}

/** Every unit id of the trees (to unfold them all). */
export function allIds(roots: readonly TreeNode<UnitLine>[]): string[] {
  return roots.flatMap((n) => [n.unit.id, ...allIds(n.children)]);
}

/** The units as picker options in tree order, each indented by its depth ("— — Công đoàn …"). */
export function unitOptions(roots: readonly TreeNode<UnitLine>[], pickable: (u: UnitLine) => boolean = () => true): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (n: TreeNode<UnitLine>, depth: number) => {
    if (!n.unit.dissolvedAt && pickable(n.unit)) out.push({ value: n.unit.id, label: `${'— '.repeat(depth)}${n.unit.name}` });
    n.children.forEach((c) => walk(c, depth + 1));
  };
  roots.forEach((r) => walk(r, 0));
  return out;
}

/** A unit and the units above it, up to the top of the list (to unfold the way down to it). */
export function pathTo(units: readonly UnitLine[], id: string): string[] {
  const parentOf = new Map(units.map((u) => [u.id, u.parent?.id ?? null]));
  const out: string[] = [];
  for (let at: string | null = id; at && !out.includes(at); at = parentOf.get(at) ?? null) out.push(at);
  return out;
}
