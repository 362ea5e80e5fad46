/**
 * docs/rules.md#r-6: the 自评报告 against its form. Every finding is a warning (the narrative
 * may use another scope or date), names the sentence (paragraph number and a short quote), the form
 * cell and both values.
 */
import type { Finding } from '../findings/types';
import { toA1 } from '../grid/address';
import type { CellRef } from '../grid/types';
import type { FormModel } from '../model/form';
import { NATIONAL_PROFILE, type Profile } from '../profile/profile';
import { meta as amountMismatch } from '../rules/report/amount-mismatch';
import { meta as countMismatch } from '../rules/report/count-mismatch';
import { meta as itemisedSumMismatch } from '../rules/report/itemised-sum-mismatch';
import { meta as rateMismatch } from '../rules/report/rate-mismatch';
import { meta as totalScoreMismatch } from '../rules/report/total-score-mismatch';
import { fill, type RuleMeta } from '../rules/rule';
import { Dec, round, sum } from '../values/decimal';
import { formFacts, LINE_NAME, type FormFacts, type Line } from './formFacts';
import { inWan, isChange, mentions, type Mention } from './mentions';
import {
  fold,
  original,
  quote,
  sentenceAt,
  sentences,
  type Folded,
  type ReportParagraph,
  type Span,
} from './sentences';

export type { ReportParagraph } from './sentences';

/** A report.* finding: a Finding, plus where in the narrative it is. */
export interface ReportFinding extends Finding {
  /** The paragraph (numbered as readDocx numbers them) and the sentence's span in its text. */
  paragraph: number;
  span: Span;
  quote: string;
}

/** Words that name a line of the 资金 block, longest first within each line. */
const LINE_WORDS: [Line, string[]][] = [
  [
    'total',
    ['部门整体支出', '单位整体支出', '整体支出', '支出总额', '支出总计', '支出合计', '总支出'],
  ],
  ['appropriation', ['财政拨款']],
  ['basic', ['基本支出']],
  ['personnel', ['人员经费', '人员支出']],
  ['public', ['公用经费', '公用支出']],
  ['project', ['项目支出', '专项支出', '项目经费支出']],
];

/**
 * The line a clause names: the last line word in it. A total's word inside another line's
 * (基本支出总计 holds 支出总计) is that other line's.
 */
function lineOf(lead: string): { line: Line; at: number } | null {
  const found: { line: Line; start: number; end: number }[] = [];
  for (const [line, words] of LINE_WORDS) {
    for (const w of words) {
      for (let at = lead.indexOf(w); at >= 0; at = lead.indexOf(w, at + 1))
        found.push({ line, start: at, end: at + w.length });
    }
  }
  const kept = found.filter(
    (m) =>
      m.line !== 'total' ||
      !found.some((o) => o.line !== 'total' && o.start < m.end && m.start < o.end),
  );
  const best = kept.reduce<(typeof kept)[number] | null>(
    (b, m) => (!b || m.end > b.end || (m.end === b.end && m.start < b.start) ? m : b),
    null,
  );
  return best ? { line: best.line, at: best.end } : null;
}

/** A budget figure (预算数, 年初预算), not what was spent: not compared with 全年执行数. */
function isBudget(after: string): boolean {
  const i = after.search(/预算/);
  return i >= 0 && !/执行|实际|决算|支出|使用/.test(after.slice(i));
}

const fmt = (d: Dec): string => d.toFixed();
const cellName = (c: CellRef): string => toA1(c);

/** Equal once both are rounded to the coarser of the two precisions they are written with. */
function sameWritten(a: Dec, aDecimals: number, b: Dec): boolean {
  const bDecimals = b.decimalPlaces();
  const dp = Math.min(aDecimals, bDecimals);
  return round(a, dp).equals(round(b, dp));
}

interface Ctx {
  f: Folded;
  out: ReportFinding[];
}

/** A finding of `meta`'s rule: its message is `meta.messages[template]`, filled with `values`. */
function finding(
  ctx: Ctx,
  m: { start: number; end: number },
  meta: RuleMeta,
  cells: CellRef[],
  template: string,
  values: Record<string, string>,
  expected: string | null,
  actual: string | null,
): void {
  const s = sentenceAt(ctx.f, m.start);
  const q = quote(ctx.f, s, m.end);
  const where = `自评报告第 ${ctx.f.paragraph.index} 段“${q}”`;
  ctx.out.push({
    rule: meta.id,
    severity: meta.severity,
    part: meta.part,
    cells: cells.map(cellName),
    message: fill(meta.messages[template], { where, ...values }),
    expected,
    actual,
    fix: null,
    paragraph: ctx.f.paragraph.index,
    span: original(ctx.f, s),
    quote: q,
  });
}

function checkAmounts(ctx: Ctx, ms: Mention[], facts: FormFacts): void {
  for (const m of ms) {
    if (m.kind !== 'amount' || isChange(m)) continue;
    const named = lineOf(m.lead);
    if (!named || isBudget(m.lead.slice(named.at))) continue;
    const fact = facts.lines[named.line];
    if (!fact || fact.exec === null) continue;
    // The form's amount in the narrative's unit.
    const formWan = facts.unit === '元' ? fact.exec.dividedBy(10000) : fact.exec;
    const inUnit =
      m.unit === '元'
        ? formWan.times(10000)
        : m.unit === '亿元'
          ? formWan.dividedBy(10000)
          : formWan;
    if (sameWritten(m.value, m.decimals, inUnit)) continue;
    const diff = inWan(m).minus(formWan).abs();
    finding(
      ctx,
      m,
      amountMismatch,
      [fact.cell],
      fact.fromParts ? 'fromParts' : 'main',
      {
        line: LINE_NAME[named.line],
        stated: m.number,
        unit: m.unit,
        label: fact.label,
        cell: cellName(fact.cell),
        form: fmt(fact.exec),
        formUnit: facts.unit,
        diff: fmt(diff),
      },
      fmt(fact.exec),
      `${m.number}${m.unit}`,
    );
  }
}

const CN_DIGITS = '一二三四五六七八九十';

/** Itemised lists whose total is stated: "总共44.75万元。一是…9.6万元。二是…" and "…总计254.85万元，其中…". */
function checkItemised(ctx: Ctx, ms: Mention[], facts: FormFacts, profile: Profile): void {
  const t = ctx.f.text;
  // A change (同比增加 …万元) is neither an item nor the total.
  const amounts = ms.filter((m) => m.kind === 'amount' && !isChange(m));
  const tolerance = new Dec(profile.amountTolerance);
  const full = sentences(ctx.f, '。!?\n');
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
  for (const list of lists) {
    const items = amounts.filter((m) => m.start >= list.from && m.end <= list.to);
    if (items.length < 2) continue;
    // The total: the last amount before the list, in the same sentence or the one before it.
    const here = full.findIndex((s) => s.start <= list.from && list.from < s.end);
    const from = full[Math.max(0, here - 1)]?.start ?? 0;
    const before = amounts.filter((m) => m.end <= list.from && m.start >= from);
    const total = before[before.length - 1];
    if (!total) continue;
    const added = sum(items.map(inWan));
    const stated = inWan(total);
    if (added.minus(stated).abs().lessThanOrEqualTo(tolerance)) continue;
    const named = lineOf(total.lead);
    const fact = named ? facts.lines[named.line] : undefined;
    const parts = items.map((m) => m.number).join(' + ');
    finding(
      ctx,
      total,
      itemisedSumMismatch,
      fact ? [fact.cell] : [],
      fact && fact.exec ? 'withForm' : 'main',
      {
        parts,
        added: fmt(added),
        stated: total.number,
        unit: total.unit,
        diff: fmt(added.minus(stated).abs()),
        label: fact?.label ?? '',
        cell: fact ? cellName(fact.cell) : '',
        form: fact?.exec ? fmt(fact.exec) : '',
      },
      `${total.number}${total.unit}`,
      `${fmt(added)}万元`,
    );
  }
}

/** The 基本情况 section: from a heading naming 基本情况 / 概况 to the next heading that does not. */
function basicSection(folded: Folded[]): Folded[] {
  const heading = (f: Folded) =>
    f.text.length <= 40 &&
    /^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+[章节部分])/.test(
      f.text,
    );
  const out: Folded[] = [];
  let inside = false;
  for (const f of folded) {
    if (heading(f)) {
      inside = /基本情况|概况/.test(f.text);
      continue;
    }
    if (inside) out.push(f);
  }
  return out.length ? out : folded.filter((f) => /职责|职能|负责/.test(f.text));
}

function checkCounts(folded: Folded[], ctxOf: (f: Folded) => Ctx, facts: FormFacts): void {
  const section = basicSection(folded);
  // Counts in 部门职责 against counts with the same measure word and noun in 基本情况.
  if (facts.duties) {
    const byKey = new Map<string, Mention[]>();
    for (const m of facts.duties.counts) {
      if (m.noun.length < 2) continue;
      const key = `${m.unit}${m.noun.slice(0, 2)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), m]);
    }
    for (const f of section) {
      const ctx = ctxOf(f);
      for (const m of mentions(f)) {
        if (m.kind !== 'count' || m.noun.length < 2) continue;
        const same = byKey.get(`${m.unit}${m.noun.slice(0, 2)}`);
        // A noun stated twice with different numbers in the form itself is not one count.
        if (!same || new Set(same.map((x) => x.value.toFixed())).size !== 1) continue;
        if (same[0].value.equals(m.value)) continue;
        const cell = facts.duties.cell;
        finding(
          ctx,
          m,
          countMismatch,
          [cell],
          'duties',
          {
            stated: `${m.number}${m.unit}${m.noun}`,
            cell: cellName(cell),
            form: `${same[0].number}${same[0].unit}${same[0].noun}`,
          },
          `${same[0].number}${same[0].unit}`,
          `${m.number}${m.unit}`,
        );
      }
    }
  }
  // Staff: 编制 and 实有 (在职, or 在职 + 离退休).
  const { authorised, actual } = facts.staff;
  if (!authorised && !actual) return;
  for (const f of section) {
    const ctx = ctxOf(f);
    const people = mentions(f).filter((m) => m.kind === 'count' && m.unit === '人');
    const inService = people.find((m) => /在职|在编/.test(m.lead));
    const retired = people.find((m) => /退休/.test(m.lead));
    for (const m of people) {
      if (
        authorised &&
        /编制/.test(m.lead) &&
        !/实有|在职|在编|退休/.test(m.lead) &&
        !m.value.equals(authorised.value)
      ) {
        finding(
          ctx,
          m,
          countMismatch,
          [authorised.cell],
          'authorised',
          { stated: m.number, cell: cellName(authorised.cell), form: fmt(authorised.value) },
          fmt(authorised.value),
          m.number,
        );
      }
    }
    if (!actual) continue;
    const stated = people.find((m) => /实有/.test(m.lead) && !/在职|在编|退休/.test(m.lead));
    if (stated) {
      if (!stated.value.equals(actual.value)) {
        finding(
          ctx,
          stated,
          countMismatch,
          [actual.cell],
          'actual',
          { stated: stated.number, cell: cellName(actual.cell), form: fmt(actual.value) },
          fmt(actual.value),
          stated.number,
        );
      }
    } else if (inService) {
      const both = retired ? inService.value.plus(retired.value) : null;
      if (!inService.value.equals(actual.value) && !(both && both.equals(actual.value))) {
        finding(
          ctx,
          inService,
          countMismatch,
          [actual.cell],
          'inService',
          {
            stated: inService.number,
            retired: retired ? `、离退休 ${retired.number} 人` : '',
            cell: cellName(actual.cell),
            form: fmt(actual.value),
          },
          fmt(actual.value),
          both ? `${inService.number}+${retired!.number}` : inService.number,
        );
      }
    }
  }
}

function checkRatesAndScore(ctx: Ctx, ms: Mention[], facts: FormFacts): void {
  for (const m of ms) {
    if (m.kind === 'percent' && /执行率/.test(m.lead)) {
      const named = lineOf(m.lead.slice(0, m.lead.lastIndexOf('执行率')));
      const fact = facts.lines[named?.line ?? 'total'];
      if (!fact || fact.exec === null || !fact.budget || fact.budget.isZero()) continue;
      const percent = fact.exec.dividedBy(fact.budget).times(100);
      if (round(percent, m.decimals).equals(m.value)) continue;
      finding(
        ctx,
        m,
        rateMismatch,
        [fact.rateCell ?? fact.cell],
        'main',
        {
          line: named ? LINE_NAME[named.line] : '',
          stated: m.number,
          label: fact.label,
          exec: fmt(fact.exec),
          budget: fmt(fact.budget),
          rate: round(percent, Math.max(m.decimals, 2)).toFixed(Math.max(m.decimals, 2)),
        },
        `${round(percent, 2).toFixed(2)}%`,
        `${m.number}%`,
      );
    }
    if (
      m.kind === 'score' &&
      facts.total &&
      /总分|得分|评分|自评/.test(m.lead) &&
      !/指标|分值|权重|满分/.test(m.lead)
    ) {
      const total = facts.total;
      if (m.value.equals(total.value)) continue;
      finding(
        ctx,
        m,
        totalScoreMismatch,
        [total.cell],
        'main',
        { stated: m.number, cell: cellName(total.cell), form: fmt(total.value) },
        fmt(total.value),
        m.number,
      );
    }
  }
}

/**
 * The report's paragraphs against one located form (docs/rules.md#r-6): report.amount-mismatch,
 * report.itemised-sum-mismatch, report.count-mismatch, report.rate-mismatch,
 * report.total-score-mismatch; all warnings, in paragraph order. Cells are on the form's sheet.
 */
export function crossCheckReport(
  form: FormModel,
  paragraphs: ReportParagraph[],
  profile: Profile = NATIONAL_PROFILE,
): ReportFinding[] {
  const facts = formFacts(form);
  const folded = paragraphs.map(fold);
  const contexts = new Map<Folded, Ctx>();
  const ctxOf = (f: Folded): Ctx => {
    let c = contexts.get(f);
    if (!c) contexts.set(f, (c = { f, out: [] }));
    return c;
  };
  for (const f of folded) {
    const ms = mentions(f);
    const ctx = ctxOf(f);
    checkAmounts(ctx, ms, facts);
    checkItemised(ctx, ms, facts, profile);
    checkRatesAndScore(ctx, ms, facts);
  }
  checkCounts(folded, ctxOf, facts);
  return folded.flatMap((f) => ctxOf(f).out.sort((a, b) => a.span.start - b.span.start));
}
