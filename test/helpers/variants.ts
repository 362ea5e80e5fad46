import { parseA1, toA1 } from '../../src/engine/grid/address';
import type { CellRange, GridSnapshot, RawValue } from '../../src/engine/grid/types';
import type { CheckResult } from '../../src/engine/findings/types';

/**
 * Layout variants of a real form (issue 18 item 6): the same form laid out as other templates and
 * other programs lay it out. Each variant says where every cell of the original went, so its
 * findings can be compared with the original's, shifted.
 */
export interface Variant {
  name: string;
  /** The variant's sheets, or null when the change does not apply to this form. */
  apply(sheets: GridSnapshot[], results: CheckResult[]): Applied | null;
}

export interface Applied {
  sheets: GridSnapshot[];
  /** Where a cell of the original (sheet name, A1) is in the variant; null: the cell is gone. */
  moved(sheet: string, a1: string): string | null;
  /** Findings the variant must give besides the moved originals (a stacked copy's). */
  extra?: (results: CheckResult[]) => string[];
}

const clone = (s: GridSnapshot): GridSnapshot => ({
  ...s,
  values: s.values.map((r) => [...r]),
  numberFormats: s.numberFormats?.map((r) => [...r]),
  texts: s.texts?.map((r) => [...r]),
  formulas: s.formulas?.map((r) => [...r]),
  merges: s.merges.map((m) => ({ ...m })),
});

/** Rows inserted before absolute row `at` (0-based) of one sheet. */
function insertRows(s: GridSnapshot, at: number, rows: RawValue[][]): GridSnapshot {
  const out = clone(s);
  const i = Math.max(0, at - s.originRow);
  const width = Math.max(1, ...s.values.map((r) => r.length));
  const pad = (r: RawValue[]) => Array.from({ length: width }, (_, k) => r[k] ?? null);
  out.values.splice(i, 0, ...rows.map(pad));
  out.numberFormats?.splice(i, 0, ...rows.map(() => Array<string | null>(width).fill(null)));
  out.texts?.splice(i, 0, ...rows.map(() => Array<string | null>(width).fill(null)));
  out.formulas?.splice(i, 0, ...rows.map(() => Array<string | null>(width).fill(null)));
  out.merges = out.merges.map((m) => shiftRange(m, at, rows.length, 0, 0));
  return out;
}

/** Columns inserted before absolute column `at`. */
function insertColumns(s: GridSnapshot, at: number, n: number): GridSnapshot {
  const out = clone(s);
  const i = Math.max(0, at - s.originCol);
  const add = <T>(grid: T[][] | undefined, v: T) =>
    grid?.forEach((r) => r.splice(i, 0, ...Array<T>(n).fill(v)));
  add(out.values, null);
  add(out.numberFormats, null);
  add(out.texts, null);
  add(out.formulas, null);
  out.merges = out.merges.map((m) => shiftRange(m, 0, 0, at, n));
  return out;
}

function shiftRange(m: CellRange, row: number, dr: number, col: number, dc: number): CellRange {
  return {
    top: m.top >= row ? m.top + dr : m.top,
    bottom: m.bottom >= row ? m.bottom + dr : m.bottom,
    left: m.left >= col ? m.left + dc : m.left,
    right: m.right >= col ? m.right + dc : m.right,
  };
}

const moveA1 = (a1: string, row: number, dr: number, col: number, dc: number): string => {
  const ref = parseA1(a1);
  if (!ref) return a1;
  return toA1({
    row: ref.row >= row ? ref.row + dr : ref.row,
    col: ref.col >= col ? ref.col + dc : ref.col,
  });
};

/** Applies `f` to the values of every cell; `moved` is the identity. */
function mapValues(
  sheets: GridSnapshot[],
  f: (v: RawValue, sheet: GridSnapshot, row: number, col: number) => RawValue,
): Applied | null {
  let changed = false;
  const out = sheets.map((s) => {
    const c = clone(s);
    c.values.forEach((r, i) =>
      r.forEach((v, j) => {
        const next = f(v, s, i + s.originRow, j + s.originCol);
        if (next !== v) {
          changed = true;
          r[j] = next;
          if (c.texts) c.texts[i][j] = null;
        }
      }),
    );
    return c;
  });
  return changed ? { sheets: out, moved: (_s, a1) => a1 } : null;
}

/** The checked results of one sheet. */
const onSheet = (results: CheckResult[], name: string) =>
  results.filter((r) => r.status === 'checked' && r.sheet === name && r.reading);

/** Absolute 0-based rows of the header rows of the sheet's forms, and each column role's col. */
function headerCells(results: CheckResult[], name: string): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const r of onSheet(results, name))
    for (const b of r.reading?.blocks ?? [])
      for (const row of b.headerRows)
        for (const c of b.columns) {
          if (c.role === 'label') continue;
          const ref = parseA1(`${c.column}${row}`);
          if (ref) out.push(ref);
        }
  return out;
}

function amountCells(results: CheckResult[], name: string): Set<string> {
  const out = new Set<string>();
  for (const r of onSheet(results, name)) {
    const funds = r.reading?.blocks.find((b) => b.part === 'funds');
    if (!funds) continue;
    const cols = funds.columns.filter((c) =>
      ['budget', 'initialBudget', 'executed'].includes(c.role),
    );
    for (const row of r.reading?.fundsRows ?? [])
      for (const c of cols) out.add(`${c.column}${row.row}`);
  }
  return out;
}

const at = (s: GridSnapshot, row: number, col: number): RawValue =>
  s.values[row - s.originRow]?.[col - s.originCol] ?? null;

/** Header synonyms, each a word of the same role in the lexicon. */
const SYNONYMS: Record<string, string> = {
  全年预算数: '调整后预算数',
  '全年预算数（A）': '全年预算数',
  全年执行数: '全年执行数（B）',
  '全年执行数（B）': '执行数',
  执行率: '执行率（B/A）',
  '执行率（B/A）': '执行率',
  分值: '权重',
  权重: '分值',
  得分: '自评得分',
  年度指标值: '指标值',
  实际完成值: '全年完成值',
  三级指标: '三级指标名称',
  偏差原因分析及改进措施: '未完成原因分析及改进措施',
};

const fold = (v: RawValue) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v);

export const VARIANTS: Variant[] = [
  {
    name: 'title rows above the form (附件2, 填报单位)',
    apply(sheets) {
      const title: RawValue[][] = [['附件2'], ['填报单位（盖章）：', null, null, '填报日期：']];
      return {
        sheets: sheets.map((s) => insertRows(s, s.originRow, title)),
        moved: (_s, a1) => moveA1(a1, 0, 2, 0, 0),
      };
    },
  },
  {
    name: 'a blank column on the left',
    apply(sheets) {
      return {
        sheets: sheets.map((s) => insertColumns(s, s.originCol, 1)),
        moved: (_s, a1) => moveA1(a1, 0, 0, 0, 1),
      };
    },
  },
  {
    name: 'header synonyms from the lexicon',
    apply(sheets, results) {
      const cells = new Map(sheets.map((s) => [s.sheetName, headerCells(results, s.sheetName)]));
      return mapValues(sheets, (v, s, row, col) => {
        if (!cells.get(s.sheetName)?.some((c) => c.row === row && c.col === col)) return v;
        const f = fold(v);
        return typeof f === 'string' && SYNONYMS[f] ? SYNONYMS[f] : v;
      });
    },
  },
  {
    name: 'header labels broken over lines and spaced',
    apply(sheets, results) {
      const cells = new Map(sheets.map((s) => [s.sheetName, headerCells(results, s.sheetName)]));
      return mapValues(sheets, (v, s, row, col) => {
        if (typeof v !== 'string' || v.length < 4) return v;
        if (!cells.get(s.sheetName)?.some((c) => c.row === row && c.col === col)) return v;
        const mid = Math.floor(v.length / 2);
        return `${v.slice(0, mid)}\n${v.slice(mid, mid + 1)} ${v.slice(mid + 1)}`;
      });
    },
  },
  {
    name: 'amounts stored as text with a full-width space',
    apply(sheets, results) {
      const cells = new Map(sheets.map((s) => [s.sheetName, amountCells(results, s.sheetName)]));
      return mapValues(sheets, (v, s, row, col) =>
        typeof v === 'number' && cells.get(s.sheetName)?.has(toA1({ row, col })) ? `${v}\u3000` : v,
      );
    },
  },
  {
    name: 'amounts with their unit in the cell (万元 forms)',
    apply(sheets, results) {
      const cells = new Map(sheets.map((s) => [s.sheetName, amountCells(results, s.sheetName)]));
      // A form in 元 writes no 万 after its amounts.
      const inYuan = (s: GridSnapshot) =>
        s.values.some((r) =>
          r.some((v) => typeof v === 'string' && /[(（]\s*元\s*[)）]|单位[:：]\s*元/.test(v)),
        );
      return mapValues(sheets, (v, s, row, col) =>
        typeof v === 'number' && !inYuan(s) && cells.get(s.sheetName)?.has(toA1({ row, col }))
          ? `${v}万`
          : v,
      );
    },
  },
  {
    name: 'blank rows between the 资金 block and the indicators',
    apply(sheets, results) {
      const starts = new Map<string, number>();
      for (const s of sheets) {
        const r = onSheet(results, s.sheetName).find((x) =>
          x.reading?.blocks.some((b) => b.part === 'indicators'),
        );
        const b = r?.reading?.blocks.find((x) => x.part === 'indicators');
        if (b && onSheet(results, s.sheetName).length === 1 && r?.reading?.blocks.length === 2)
          starts.set(s.sheetName, b.headerRows[0] - 1);
      }
      if (starts.size === 0) return null;
      return {
        sheets: sheets.map((s) =>
          starts.has(s.sheetName) ? insertRows(s, starts.get(s.sheetName) as number, [[], []]) : s,
        ),
        moved: (sheet, a1) =>
          starts.has(sheet) ? moveA1(a1, starts.get(sheet) as number, 2, 0, 0) : a1,
      };
    },
  },
  {
    name: 'a page break that repeats the indicator header',
    apply(sheets, results) {
      const breaks = new Map<string, { at: number; rows: RawValue[][]; merges: CellRange[] }>();
      for (const s of sheets) {
        const forms = onSheet(results, s.sheetName);
        if (forms.length !== 1) continue;
        const b = forms[0].reading?.blocks.find((x) => x.part === 'indicators');
        const ind = forms[0].summary.coverage.indicatorRows;
        if (!b || ind < 4) continue;
        const first = b.headerRows[0] - 1;
        const last = b.headerRows[b.headerRows.length - 1] - 1;
        const header = s.values
          .slice(first - s.originRow, last - s.originRow + 1)
          .map((r) => [...r]);
        // Between two indicator rows a few rows below the header, where no merge crosses.
        // (A side label merged down every row, as in 安徽's forms, leaves no such place: skipped.)
        let cut = last + 3;
        while (cut < last + ind && s.merges.some((m) => m.top < cut && m.bottom >= cut)) cut++;
        if (s.merges.some((m) => m.top < cut && m.bottom >= cut)) continue;
        const merges = s.merges
          .filter((m) => m.top >= first && m.bottom <= last)
          .map((m) => shiftRange(m, 0, cut - first, 0, 0));
        breaks.set(s.sheetName, { at: cut, rows: header, merges });
      }
      if (breaks.size === 0) return null;
      return {
        sheets: sheets.map((s) => {
          const b = breaks.get(s.sheetName);
          if (!b) return s;
          const out = insertRows(s, b.at, b.rows);
          out.merges.push(...b.merges);
          return out;
        }),
        moved: (sheet, a1) => {
          const b = breaks.get(sheet);
          return b ? moveA1(a1, b.at, b.rows.length, 0, 0) : a1;
        },
      };
    },
  },
  {
    name: 'the 总分 label moved right, into an empty cell of its row',
    apply(sheets, results) {
      const moves = new Map<string, { row: number; from: number; to: number }>();
      for (const s of sheets) {
        const forms = onSheet(results, s.sheetName);
        if (forms.length !== 1) continue;
        const cells = forms[0].reading?.totalCells;
        const row = forms[0].reading?.totalRow;
        if (!cells || !row || !cells.weight) continue;
        const weight = parseA1(cells.weight);
        if (!weight) continue;
        const r = row - 1;
        let from = -1;
        for (let c = s.originCol; c < weight.col; c++)
          if (typeof at(s, r, c) === 'string' && /总分|合计/.test(String(at(s, r, c)))) from = c;
        const to = weight.col - 1;
        if (from < 0 || to <= from || at(s, r, to) !== null) continue;
        if (
          s.merges.some(
            (m) => m.top <= r && m.bottom >= r && m.left <= to && m.right >= to && m.left !== from,
          )
        )
          continue;
        moves.set(s.sheetName, { row: r, from, to });
      }
      if (moves.size === 0) return null;
      return {
        sheets: sheets.map((s) => {
          const m = moves.get(s.sheetName);
          if (!m) return s;
          const c = clone(s);
          const i = m.row - s.originRow;
          c.values[i][m.to - s.originCol] = c.values[i][m.from - s.originCol];
          c.values[i][m.from - s.originCol] = null;
          c.merges = c.merges.filter(
            (g) => !(g.top <= m.row && g.bottom >= m.row && g.left === m.from),
          );
          return c;
        }),
        moved: (sheet, a1) => {
          const m = moves.get(sheet);
          const ref = parseA1(a1);
          return m && ref && ref.row === m.row && ref.col === m.from
            ? toA1({ row: m.row, col: m.to })
            : a1;
        },
      };
    },
  },
  {
    name: 'two copies of the form stacked on one sheet',
    apply(sheets, results) {
      const one = sheets.filter((s) => onSheet(results, s.sheetName).length === 1);
      if (one.length === 0) return null;
      const below = new Map<string, number>();
      const out = sheets.map((s) => {
        if (!one.includes(s)) return s;
        const gap = s.values.length + 2;
        below.set(s.sheetName, s.originRow + gap);
        const copy = insertRows(s, s.originRow + s.values.length, [[], [], ...s.values]);
        copy.merges.push(...s.merges.map((m) => shiftRange(m, 0, gap, 0, 0)));
        return copy;
      });
      return {
        sheets: out,
        moved: (_s, a1) => a1,
        extra: (rs) =>
          rs
            .flatMap((r) =>
              below.has(r.sheet ?? '')
                ? r.findings.map((f) => ({
                    ...f,
                    sheet: r.sheet,
                    cells: f.cells.map((c) => moveA1(c, 0, below.get(r.sheet ?? '') ?? 0, 0, 0)),
                  }))
                : [],
            )
            .map((f) => `${f.sheet}|${f.rule}|${f.severity}|${f.cells.join('+')}`),
      };
    },
  },
  {
    name: 'a cover sheet before the form',
    apply(sheets) {
      const cover: GridSnapshot = {
        sheetName: '封面',
        originRow: 0,
        originCol: 0,
        values: [['2023年度项目支出绩效自评材料'], ['报送单位（盖章）：']],
        merges: [],
      };
      return { sheets: [cover, ...sheets], moved: (_s, a1) => a1 };
    },
  },
  {
    name: 'a note far right of the title row (单位：万元)',
    apply(sheets) {
      return {
        sheets: sheets.map((s) => {
          const out = insertColumns(
            s,
            s.originCol + Math.max(1, ...s.values.map((r) => r.length)) + 2,
            0,
          );
          const width = Math.max(1, ...out.values.map((r) => r.length));
          out.values = out.values.map((r, i) => {
            const row = [...r, ...Array<RawValue>(width + 3 - r.length).fill(null)];
            if (i === 0) row[width + 2] = '单位：万元';
            return row;
          });
          for (const g of [out.numberFormats, out.texts, out.formulas])
            g?.forEach((r) => r.push(...Array<string | null>(width + 3 - r.length).fill(null)));
          return out;
        }),
        moved: (_s, a1) => a1,
      };
    },
  },
  {
    name: 'amounts written as formulas with their cached results',
    apply(sheets, results) {
      const cells = new Map(sheets.map((s) => [s.sheetName, amountCells(results, s.sheetName)]));
      let changed = false;
      const out = sheets.map((s) => {
        const c = clone(s);
        c.formulas = c.values.map((r, i) =>
          r.map((v, j) => {
            const a1 = toA1({ row: i + s.originRow, col: j + s.originCol });
            if (typeof v !== 'number' || !cells.get(s.sheetName)?.has(a1))
              return s.formulas?.[i]?.[j] ?? null;
            changed = true;
            return `=${v}*1`;
          }),
        );
        return c;
      });
      return changed ? { sheets: out, moved: (_s, a1) => a1 } : null;
    },
  },
];
