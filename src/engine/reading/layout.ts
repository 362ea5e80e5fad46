import { parseA1 } from '../grid/address';
import type { FundsColumnRole, IndicatorColumnRole } from '../model/roles';

/**
 * A reading given by the user (issue 18 item 5): for a bureau whose every form follows one
 * template (`selfeval check --layout FILE.json`), or stored by the pane. It states blocks' header
 * rows and their columns' roles, and the 总分 row; a block not listed is read as the checker
 * reads it. Rows are 1-based and columns are letters, as a person writes them. A block's `part`
 * says which part it is; without it the roles decide (any indicator role: 绩效指标, else 资金), which
 * cannot tell an indicator block of only 分值 and 得分 from a 资金 one.
 */
export interface Layout {
  sheet?: string;
  blocks: LayoutBlock[];
  totalRow?: number;
}

export type LayoutPart = 'funds' | 'indicators';

export interface LayoutBlock {
  headerRow: number;
  part?: LayoutPart;
  columns: Record<string, LayoutRole>;
}

const FUNDS_ROLE = {
  budget: 'budget',
  initialBudget: 'initialBudget',
  executed: 'exec',
  rate: 'rate',
} as const satisfies Record<string, FundsColumnRole>;

const INDICATOR_ROLE = {
  target: 'target',
  actual: 'actual',
  coefficient: 'coefficient',
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
} as const satisfies Record<string, IndicatorColumnRole>;

/** Roles either block can have. */
const SHARED_ROLE = { weight: 'weight', score: 'score', reason: 'reason' } as const;

export type LayoutRole =
  'label' | keyof typeof FUNDS_ROLE | keyof typeof INDICATOR_ROLE | keyof typeof SHARED_ROLE;

const ROLES = new Set<string>([
  'label',
  ...Object.keys(FUNDS_ROLE),
  ...Object.keys(INDICATOR_ROLE),
  ...Object.keys(SHARED_ROLE),
]);

/** A layout block as the locator takes it: which kind of block, and each role's 0-based column. */
export type ForcedBlock =
  | { kind: 'funds'; row: number; columns: Partial<Record<FundsColumnRole, number>> }
  | { kind: 'indicators'; row: number; columns: Partial<Record<IndicatorColumnRole, number>> };

/** The layout's blocks as the locator takes them; a block without figures to read is refused. */
export function forcedBlocks(layout: Layout): ForcedBlock[] {
  return layout.blocks.map((b) => {
    const entries = Object.entries(b.columns).map(
      ([letter, role]) => [role, parseA1(`${letter}1`)?.col ?? -1] as const,
    );
    const isIndicators = partOf(b.part, new Set(Object.values(b.columns))) === 'indicators';
    const columns: Record<string, number> = {};
    for (const [role, col] of entries) {
      const internal = isIndicators
        ? (INDICATOR_ROLE as Record<string, string>)[role]
        : (FUNDS_ROLE as Record<string, string>)[role];
      const name = internal ?? (SHARED_ROLE as Record<string, string>)[role];
      if (name) columns[name] = col;
    }
    return isIndicators
      ? { kind: 'indicators', row: b.headerRow - 1, columns }
      : { kind: 'funds', row: b.headerRow - 1, columns };
  });
}

/** The part a block is: as stated, else as its roles say. */
function partOf(stated: LayoutPart | undefined, roles: ReadonlySet<string>): LayoutPart {
  if (stated) return stated;
  return [...roles].some((r) => r in INDICATOR_ROLE) ? 'indicators' : 'funds';
}

/**
 * What the checker is given: one layout (--layout) or the readings stored in the workbook, one
 * per corrected sheet.
 */
export type GivenLayout = Layout | readonly Layout[];

/**
 * Whether a 资金 block with these roles can be read, as the locator reads one: a budget and an
 * executed amount, or a rate, weight and score without amounts (locate/funds.ts rateOnly).
 */
export function fundsReadable(roles: ReadonlySet<string>): boolean {
  const amounts = roles.has('executed') || roles.has('budget') || roles.has('initialBudget');
  return (
    (roles.has('executed') && (roles.has('budget') || roles.has('initialBudget'))) ||
    (!amounts && roles.has('rate') && roles.has('weight') && roles.has('score'))
  );
}

/**
 * The layout that speaks of this sheet: one naming it before one for every sheet (no `sheet`).
 */
export function layoutFor(given: GivenLayout | undefined, sheetName: string): Layout | undefined {
  if (!given) return undefined;
  const all: readonly Layout[] = Array.isArray(given) ? given : [given as Layout];
  return all.find((l) => l.sheet === sheetName) ?? all.find((l) => l.sheet === undefined);
}

/**
 * Checks a layout file's content; a Chinese sentence says what is wrong. Roles are the English
 * names of issue 18 (label, budget, initialBudget, executed, rate, weight, score, coefficient,
 * target, actual, reason, level1–3).
 */
export function parseLayout(json: unknown): { layout: Layout } | { error: string } {
  const bad = (why: string) => ({ error: `读取方式文件不对：${why}` });
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return bad('应是一个 JSON 对象，如 {"blocks": [...], "totalRow": 34}。');
  const o = json as Record<string, unknown>;
  if (o.sheet !== undefined && typeof o.sheet !== 'string') return bad('“sheet”应是工作表名称。');
  if (o.totalRow !== undefined && !isRow(o.totalRow))
    return bad('“totalRow”应是行号（从 1 起的整数）。');
  if (!Array.isArray(o.blocks)) return bad('缺少“blocks”（各块的表头行和列）。');
  const blocks: LayoutBlock[] = [];
  for (const [i, b] of o.blocks.entries()) {
    const at = `第 ${i + 1} 个块`;
    if (typeof b !== 'object' || b === null) return bad(`${at}应是对象。`);
    const { headerRow, columns, part } = b as Record<string, unknown>;
    if (!isRow(headerRow)) return bad(`${at}的“headerRow”应是行号（从 1 起的整数）。`);
    if (part !== undefined && part !== 'funds' && part !== 'indicators')
      return bad(`${at}的“part”应是 "funds"（资金）或 "indicators"（绩效指标）。`);
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns))
      return bad(`${at}的“columns”应是 {"D": "budget", …}。`);
    const cols: Record<string, LayoutRole> = {};
    const seen = new Set<string>();
    for (const [letter, role] of Object.entries(columns)) {
      if (!/^[A-Z]{1,3}$/.test(letter)) return bad(`${at}的列“${letter}”不是列字母。`);
      if (typeof role !== 'string' || !ROLES.has(role))
        return bad(
          `${at}的 ${letter} 列角色“${String(role)}”不认识；可用：${[...ROLES].join('、')}。`,
        );
      if (seen.has(role) && role !== 'label') return bad(`${at}有两列都是“${role}”。`);
      seen.add(role);
      cols[letter] = role as LayoutRole;
    }
    const indicators = partOf(part, seen) === 'indicators';
    // A stated part with the other part's roles is a mistake in the file, not a guess to make.
    const foreign =
      part !== undefined && [...seen].find((r) => r in (indicators ? FUNDS_ROLE : INDICATOR_ROLE));
    if (foreign)
      return bad(
        `${at}标明是${indicators ? '绩效指标' : '资金'}块，不能有“${foreign}”列（那是${indicators ? '资金' : '绩效指标'}块的）。`,
      );
    if (indicators && !seen.has('score'))
      return bad(`${at}是绩效指标块，需要指定“score”（得分）列。`);
    if (!indicators && !fundsReadable(seen))
      return bad(
        `${at}是资金块，需要指定“budget”（或 initialBudget）和“executed”列，或只有“rate”“weight”“score”三列。`,
      );
    blocks.push({
      headerRow: headerRow as number,
      ...(part !== undefined ? { part: part as LayoutPart } : {}),
      columns: cols,
    });
  }
  return {
    layout: {
      ...(o.sheet !== undefined ? { sheet: o.sheet as string } : {}),
      blocks,
      ...(o.totalRow !== undefined ? { totalRow: o.totalRow as number } : {}),
    },
  };
}

function isRow(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1_048_576;
}
