import type { CellRef, GridSnapshot } from './types';

/**
 * Which snapshot another was made from, and the cells that differ: the fix planner re-checks
 * copies of a sheet that differ from it in a few written cells, and the locator reuses what it
 * read of the rows those cells cannot reach (locate/headerCache.ts).
 */
export interface Derivation {
  parent: GridSnapshot;
  changed: CellRef[];
}

const DERIVED = new WeakMap<GridSnapshot, Derivation>();

export function noteDerived(child: GridSnapshot, parent: GridSnapshot, changed: CellRef[]): void {
  if (child !== parent) DERIVED.set(child, { parent, changed });
}

export function derivationOf(snapshot: GridSnapshot): Derivation | undefined {
  return DERIVED.get(snapshot);
}
