import { SEVERITY } from '../findings/severity';
import type { RuleMeta } from './rule';

/**
 * The README's rule table, made from the catalogue (`npm run docs:rules` writes it between the
 * markers; a test fails when the README drifts from it).
 */
export function catalogueTable(catalogue: RuleMeta[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = catalogue.map(
    (m) =>
      `| [\`${m.id}\`](${m.docs}) | ${SEVERITY[m.severity].name} | ${cell(m.title)}：${cell(m.description)} | ${m.fix ? cell(m.fix) : '—'} |`,
  );
  return ['| id | 严重程度 | 检查什么 | 修正 |', '|---|---|---|---|', ...rows].join('\n');
}

export const TABLE_START = '<!-- rules:start (npm run docs:rules) -->';
export const TABLE_END = '<!-- rules:end -->';

/** The README with its rule table replaced by the catalogue's. */
export function withCatalogueTable(readme: string, catalogue: RuleMeta[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README has no rule-table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${catalogueTable(catalogue)}\n${readme.slice(end)}`;
}
