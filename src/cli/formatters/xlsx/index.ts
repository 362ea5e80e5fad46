import * as path from 'path';
import { SEVERITY } from '../../../engine/findings/severity';
import { type Digest, digestPiece, placeOf, readDigests, ruleCounts, STATUS_TEXT } from '../digest';
import { LineSpool } from '../files';
import type { Formatter } from '../format';
import { type CellValue, type SheetSpec, writeWorkbook } from './sheetml';

/** A decimal as the form wrote it, as a number cell ("299.59" → 299.59); text stays text. */
const num = (s: string | null): CellValue =>
  s !== null && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;

export const SUMMARY_COLUMNS = [
  '文件',
  '工作表',
  '表式',
  '单位或项目名称',
  '年度',
  '全年预算数',
  '全年执行数',
  '执行率(%)',
  '自评总分',
  '复算总分',
  '满分',
  '等级',
  '结论',
  '错误',
  '警告',
  '提示',
  '状态',
  '标注副本',
  '说明',
];

const FINDING_COLUMNS = [
  '文件',
  '工作表',
  '单元格',
  '严重程度',
  '规则编号',
  '规则',
  '问题',
  '应为',
  '实为',
  '修正',
  '审核说明',
];

/** One form's row of the 汇总 sheet. */
function summaryRow(d: Digest, copy: string | null): CellValue[] {
  const checked = d.status === 'checked';
  return [
    d.file,
    placeOf(d),
    d.kind,
    d.name,
    d.year,
    num(d.budget),
    num(d.executed),
    num(d.rate),
    num(d.stated),
    num(d.recomputed),
    num(d.fullMarks),
    d.grade,
    d.verdict ?? (checked ? '部分读取' : null),
    checked ? d.errors : null,
    checked ? d.warnings : null,
    checked ? d.infos : null,
    STATUS_TEXT[d.status],
    copy,
    checked ? null : d.message,
  ];
}

/** The 汇总 sheet: a row per form, its 标注副本 cell linked to the copy (relative to linkBase). */
function summarySheet(digests: Digest[], linkBase: string | null): SheetSpec {
  const links: SheetSpec['links'] = [];
  const rows = digests.map((d, i) => {
    let copy: string | null = null;
    if (d.copy) {
      copy = path.basename(d.copy);
      const target = linkBase ? path.relative(linkBase, d.copy) : d.copy;
      links.push({
        row: i,
        col: SUMMARY_COLUMNS.length - 1,
        target: target.split(path.sep).join('/'),
      });
    }
    return summaryRow(d, copy);
  });
  const two = (cols: number[], n: number) =>
    Array.from({ length: n }, (_, i) => (cols.includes(i) ? (2 as const) : null));
  return {
    name: '汇总',
    header: SUMMARY_COLUMNS,
    rows,
    numberFormats: two([5, 6, 7], SUMMARY_COLUMNS.length),
    wrap: SUMMARY_COLUMNS.map((h) => h === '说明'),
    links,
  };
}

/** The 问题清单 sheet: every finding of every form. */
function findingsSheet(digests: Digest[]): SheetSpec {
  const rows: CellValue[][] = [];
  for (const d of digests)
    for (const f of d.findings)
      rows.push([
        d.file,
        placeOf(d),
        f.cell,
        SEVERITY[f.severity].name,
        f.rule,
        f.title,
        f.message,
        f.expected,
        f.actual,
        f.fix,
        f.explanation,
      ]);
  return {
    name: '问题清单',
    header: FINDING_COLUMNS,
    rows,
    wrap: [false, false, false, false, false, false, true, false, false, false, true],
  };
}

/** The 汇总 workbook's three sheets (issue 23 item 2), from the forms' digests. */
export function bureauSheets(digests: Digest[], linkBase: string | null): SheetSpec[] {
  const rules = ruleCounts(digests).map((c): CellValue[] => [
    c.rule,
    c.title,
    SEVERITY[c.severity].name,
    c.forms,
    c.findings,
  ]);
  return [
    summarySheet(digests, linkBase),
    findingsSheet(digests),
    { name: '规则统计', header: ['规则编号', '规则', '严重程度', '表数', '问题数'], rows: rules },
  ];
}

/** --xlsx FILE / --format xlsx: the 汇总 workbook, built at the end from the digests kept on disk. */
export const xlsxFormat: Formatter = {
  name: 'xlsx',
  label: '汇总工作簿',
  piece: digestPiece,
  open(sink) {
    const spool = new LineSpool();
    return {
      add(piece, copy) {
        spool.add(copy ? `${piece.slice(0, -1)},"copy":${JSON.stringify(copy)}}` : piece);
      },
      async end() {
        const digests = await readDigests(spool.lines());
        const base = sink.target ? path.dirname(path.resolve(sink.target)) : null;
        await sink.write(writeWorkbook(bureauSheets(digests, base)));
      },
      dispose: () => spool.remove(),
    };
  },
};
