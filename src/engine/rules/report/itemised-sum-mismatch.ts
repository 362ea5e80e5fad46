import {
  fmt,
  type NarrativeContext,
  type NarrativeDetail,
  type NarrativeRule,
} from '../../narrative/context';
import { lineOf } from '../../narrative/lines';
import { inWan, isChange, type Mention } from '../../narrative/mentions';
import { sentences, type Span } from '../../narrative/sentences';
import { toA1 } from '../../model/cells';
import { Dec, sum } from '../../values/decimal';
import type { RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'report.itemised-sum-mismatch',
  severity: 'warning',
  part: 'funds',
  title: '报告列举的分项之和与所述合计不符',
  description:
    '自评报告先写一个合计，再用“其中……”或“一是……二是……”列出分项金额，分项之和与所述合计相差超过金额容差。',
  source: 'r-6-3',
  docs: 'docs/rules/report.itemised-sum-mismatch.md',
  messages: {
    main: '{where}列出的各项 {parts} = {added} 万元，与所述合计 {stated} {unit} 不符，相差 {diff} 万元。',
    withForm:
      '{where}列出的各项 {parts} = {added} 万元，与所述合计 {stated} {unit} 不符，相差 {diff} 万元（自评表“{label}”全年执行数 {cell} 为 {form}）。',
  },
  fix: null,
};

const CN_DIGITS = '一二三四五六七八九十';

/** Where the paragraph itemises: "一是 … 二是 …" and "其中 …" lists, as spans of its text. */
function listsOf(t: string, full: Span[]): { from: number; to: number }[] {
  const lists: { from: number; to: number }[] = [];
  // 一是 … 二是 … : the list runs to the end of the sentence holding its last marker.
  for (let i = t.indexOf('一是'); i >= 0; i = t.indexOf('一是', i + 2)) {
    let last = i;
    for (let n = 1; n < CN_DIGITS.length; n++) {
      const next = t.indexOf(`${CN_DIGITS[n]}是`, last + 2);
      if (next < 0) break;
      last = next;
    }
    if (last === i) continue;
    const end = full.find((s) => s.start <= last && last < s.end)?.end ?? t.length;
    lists.push({ from: i, to: end });
  }
  // 其中 …: to the end of its sentence.
  for (let i = t.indexOf('其中'); i >= 0; i = t.indexOf('其中', i + 2)) {
    const end = full.find((s) => s.start <= i && i < s.end)?.end ?? t.length;
    lists.push({ from: i, to: end });
  }
  return lists;
}

/** Itemised lists whose total is stated: "总共44.75万元。一是…9.6万元。二是…" and "…总计254.85万元，其中…". */
function checkItemised({
  paragraph,
  mentions,
  facts,
  profile,
}: NarrativeContext): NarrativeDetail[] {
  // A change (同比增加 …万元) is neither an item nor the total.
  const amounts = mentions.filter((m) => m.kind === 'amount' && !isChange(m));
  const tolerance = new Dec(profile.amountTolerance);
  const full = sentences(paragraph, '。!?\n');
  return listsOf(paragraph.text, full).flatMap((list) => {
    const items = amounts.filter((m) => m.start >= list.from && m.end <= list.to);
    if (items.length < 2) return [];
    // The total: the last amount before the list, in the same sentence or the one before it.
    const here = full.findIndex((s) => s.start <= list.from && list.from < s.end);
    const from = full[Math.max(0, here - 1)]?.start ?? 0;
    const before = amounts.filter((m) => m.end <= list.from && m.start >= from);
    const total = before[before.length - 1];
    if (!total) return [];
    const added = sum(items.map(inWan));
    if (added.minus(inWan(total)).abs().lessThanOrEqualTo(tolerance)) return [];
    return [detail(total, items, added, facts)];
  });
}

function detail(
  total: Mention,
  items: Mention[],
  added: Dec,
  facts: NarrativeContext['facts'],
): NarrativeDetail {
  const named = lineOf(total.lead);
  const fact = named ? facts.lines[named.line] : undefined;
  return {
    at: total,
    cells: fact ? [fact.cell] : [],
    template: fact && fact.exec ? 'withForm' : 'main',
    values: {
      parts: items.map((m) => m.number).join(' + '),
      added: fmt(added),
      stated: total.number,
      unit: total.unit,
      diff: fmt(added.minus(inWan(total)).abs()),
      label: fact?.label ?? '',
      cell: fact ? toA1(fact.cell) : '',
      form: fact?.exec ? fmt(fact.exec) : '',
    },
    expected: `${total.number}${total.unit}`,
    actual: `${fmt(added)}万元`,
  };
}

/** docs/rules.md#r-6-3: the items a list states against the total stated before it. */
export const reportItemisedSumMismatch: NarrativeRule = {
  meta,
  scope: 'paragraph',
  check: checkItemised,
};
