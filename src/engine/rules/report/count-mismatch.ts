import {
  fmt,
  type NarrativeContext,
  type NarrativeDetail,
  type NarrativeRule,
} from '../../narrative/context';
import type { FormFacts } from '../../narrative/formFacts';
import type { Mention } from '../../narrative/mentions';
import type { Folded } from '../../narrative/sentences';
import { toA1 } from '../../model/cells';
import type { RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'report.count-mismatch',
  severity: 'warning',
  part: 'form',
  title: '报告所述数量与表不符',
  description:
    '自评报告基本情况写出的数量（带量词和名词，如 3246家基层工会、编制 3 人、实有 8 人）与自评表部门职责或人员情况中的同一数量不符。',
  source: 'r-6-2',
  docs: 'docs/rules/report.count-mismatch.md',
  messages: {
    duties: '{where}写 {stated}，自评表部门职责（{cell}）写 {form}。',
    authorised: '{where}写编制 {stated} 人，自评表人员编制（{cell}）为 {form}。',
    actual: '{where}写实有 {stated} 人，自评表实有人数（{cell}）为 {form}。',
    inService:
      '{where}写在职 {stated} 人{retired}，自评表实有人数（{cell}）为 {form}，两者都对不上。',
  },
  fix: null,
};

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

/** The section of each report checked, found once for all its paragraphs. */
const SECTIONS = new WeakMap<Folded[], Set<Folded>>();

function inBasicSection({ paragraph, paragraphs }: NarrativeContext): boolean {
  let section = SECTIONS.get(paragraphs);
  if (!section) SECTIONS.set(paragraphs, (section = new Set(basicSection(paragraphs))));
  return section.has(paragraph);
}

/** Counts in 部门职责 against counts with the same measure word and noun in 基本情况. */
function dutyCounts(ms: Mention[], duties: FormFacts['duties']): NarrativeDetail[] {
  if (!duties) return [];
  const byKey = new Map<string, Mention[]>();
  for (const m of duties.counts) {
    if (m.noun.length < 2) continue;
    const key = `${m.unit}${m.noun.slice(0, 2)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  return ms.flatMap((m) => {
    if (m.kind !== 'count' || m.noun.length < 2) return [];
    const same = byKey.get(`${m.unit}${m.noun.slice(0, 2)}`);
    // A noun stated twice with different numbers in the form itself is not one count.
    if (!same || new Set(same.map((x) => x.value.toFixed())).size !== 1) return [];
    if (same[0].value.equals(m.value)) return [];
    return [
      {
        at: m,
        cells: [duties.cell],
        template: 'duties',
        values: {
          stated: `${m.number}${m.unit}${m.noun}`,
          cell: toA1(duties.cell),
          form: `${same[0].number}${same[0].unit}${same[0].noun}`,
        },
        expected: `${same[0].number}${same[0].unit}`,
        actual: `${m.number}${m.unit}`,
      },
    ];
  });
}

type Staff = NonNullable<FormFacts['staff']['actual']>;

/** 编制 stated, against the form's 人员编制. */
function authorisedCounts(people: Mention[], authorised: Staff | null): NarrativeDetail[] {
  if (!authorised) return [];
  return people
    .filter(
      (m) =>
        /编制/.test(m.lead) &&
        !/实有|在职|在编|退休/.test(m.lead) &&
        !m.value.equals(authorised.value),
    )
    .map((m) => ({
      at: m,
      cells: [authorised.cell],
      template: 'authorised',
      values: { stated: m.number, cell: toA1(authorised.cell), form: fmt(authorised.value) },
      expected: fmt(authorised.value),
      actual: m.number,
    }));
}

/** 实有 stated, or else 在职 (alone or with 离退休), against the form's 实有人数. */
function actualCount(people: Mention[], actual: Staff | null): NarrativeDetail[] {
  if (!actual) return [];
  const stated = people.find((m) => /实有/.test(m.lead) && !/在职|在编|退休/.test(m.lead));
  const form = { cell: toA1(actual.cell), form: fmt(actual.value) };
  if (stated) {
    if (stated.value.equals(actual.value)) return [];
    return [
      {
        at: stated,
        cells: [actual.cell],
        template: 'actual',
        values: { stated: stated.number, ...form },
        expected: fmt(actual.value),
        actual: stated.number,
      },
    ];
  }
  const inService = people.find((m) => /在职|在编/.test(m.lead));
  if (!inService) return [];
  const retired = people.find((m) => /退休/.test(m.lead));
  const both = retired ? inService.value.plus(retired.value) : null;
  if (inService.value.equals(actual.value) || (both && both.equals(actual.value))) return [];
  return [
    {
      at: inService,
      cells: [actual.cell],
      template: 'inService',
      values: {
        stated: inService.number,
        retired: retired ? `、离退休 ${retired.number} 人` : '',
        ...form,
      },
      expected: fmt(actual.value),
      actual: retired && both ? `${inService.number}+${retired.number}` : inService.number,
    },
  ];
}

/** docs/rules.md#r-6-2: counts the report's 基本情况 states, against the same counts on the form. */
export const reportCountMismatch: NarrativeRule = {
  meta,
  scope: 'paragraph',
  check(ctx) {
    if (!inBasicSection(ctx)) return [];
    const { authorised, actual } = ctx.facts.staff;
    const people = ctx.mentions.filter((m) => m.kind === 'count' && m.unit === '人');
    return [
      ...dutyCounts(ctx.mentions, ctx.facts.duties),
      ...authorisedCounts(people, authorised),
      ...actualCount(people, actual),
    ];
  },
};
