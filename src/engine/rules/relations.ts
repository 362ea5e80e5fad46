import type { Finding } from '../findings/types';
import type { RuleMeta } from './rule';

/** Superseded id → the ids that supersede it (RuleMeta.supersedes, read the other way). */
export function supersededBy(catalogue: RuleMeta[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const m of catalogue)
    for (const id of m.supersedes ?? []) by.set(id, [...(by.get(id) ?? []), m.id]);
  return by;
}

/**
 * The findings without those a superseding rule says already: a finding is dropped when a rule
 * that supersedes its rule has a finding with the same first cell (the cell both are about). A
 * dropped finding still supersedes others: whether it is said does not depend on the order.
 */
export function withoutSuperseded(findings: Finding[], by: Map<string, string[]>): Finding[] {
  if (by.size === 0) return findings;
  const said = new Set(findings.map((f) => `${f.rule}|${f.cells[0]}`));
  return findings.filter(
    (f) =>
      f.cells.length === 0 ||
      !(by.get(f.rule) ?? []).some((rule) => said.has(`${rule}|${f.cells[0]}`)),
  );
}
