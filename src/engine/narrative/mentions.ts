/**
 * The numbers the 自评报告's sentences state (amounts with 万元 / 元 / 亿元, counts with their
 * measure word and noun, percentages, scores) and where they are in the folded paragraph.
 */
import { Dec } from '../values/decimal';
import type { Folded } from './sentences';

export type MentionKind = 'amount' | 'count' | 'percent' | 'score';

export interface Mention {
  kind: MentionKind;
  /** The number as written ("44.75"). */
  number: string;
  value: Dec;
  /** Decimals written. */
  decimals: number;
  /** 万元 / 元 / 亿元 for amounts; the measure word for counts (家, 人, 个); % ; 分. */
  unit: string;
  /** For counts: the noun after the measure word, up to a stop (工会, 街道); else ''. */
  noun: string;
  /** Folded positions of the number and its unit. */
  start: number;
  end: number;
  /** The words before the number in its clause: what the number is said of. */
  lead: string;
}

const CLAUSE_STOPS = '，,；;。!?：:\n';
const MEASURES = '个家人次名所户期场项份件批';
const NOUN_STOPS = /[的、和及与等共，,。；;：:（）()\s\d]/;

function leadOf(t: string, start: number, after: number): string {
  let i = start;
  while (i > after && !CLAUSE_STOPS.includes(t[i - 1])) i--;
  return t.slice(i, start);
}

/** The end of the number starting at `i`: digits, thousands commas, one decimal point. */
function numberEnd(t: string, i: number): number {
  let j = i;
  while (
    j < t.length &&
    (/\d/.test(t[j]) || (t[j] === ',' && /^\d{3}(?!\d)/.test(t.slice(j + 1, j + 5))))
  )
    j++;
  if (t[j] === '.' && /\d/.test(t[j + 1] ?? '')) {
    j++;
    while (j < t.length && /\d/.test(t[j])) j++;
  }
  return j;
}

/** The unit written at `k` (after the number and any spaces), with a count's noun; null: none. */
function unitAt(t: string, k: number): { kind: MentionKind; unit: string; noun: string } | null {
  const rest = t.slice(k, k + 2);
  if (rest.startsWith('亿元') || rest.startsWith('万元'))
    return { kind: 'amount', unit: rest, noun: '' };
  if (rest[0] === '元') return { kind: 'amount', unit: '元', noun: '' };
  if (rest[0] === '%') return { kind: 'percent', unit: '%', noun: '' };
  if (rest[0] === '分' && !/^分[之值]/.test(t.slice(k, k + 2)))
    return { kind: 'score', unit: '分', noun: '' };
  if (rest[0] && MEASURES.includes(rest[0]) && !(rest[0] === '人' && t[k + 1] === '民')) {
    let n = k + 1;
    while (n < t.length && n < k + 7 && /[\u4e00-\u9fff]/.test(t[n]) && !NOUN_STOPS.test(t[n])) n++;
    return { kind: 'count', unit: rest[0], noun: t.slice(k + 1, n) };
  }
  return null;
}

/** Every number the paragraph states with a unit, in order. */
export function mentions(f: Folded): Mention[] {
  const t = f.text;
  const out: Mention[] = [];
  let lastEnd = 0;
  let i = 0;
  while (i < t.length) {
    if (!/\d/.test(t[i]) || (i > 0 && /[\d.]/.test(t[i - 1]))) {
      i++;
      continue;
    }
    const j = numberEnd(t, i);
    const number = t.slice(i, j).replace(/,/g, '');
    let k = j;
    while (t[k] === ' ') k++;
    const unit = unitAt(t, k);
    if (unit && !/[年月日号]/.test(t[j] ?? '')) {
      const end = k + unit.unit.length;
      out.push({
        kind: unit.kind,
        number,
        value: new Dec(number),
        decimals: number.includes('.') ? number.split('.')[1].length : 0,
        unit: unit.unit,
        noun: unit.noun,
        start: i,
        end,
        lead: leadOf(t, i, lastEnd),
      });
      lastEnd = end;
      i = end;
      continue;
    }
    i = j;
  }
  return out;
}

/**
 * A change, not a level: "同比上年度增加189.25万元", "比上年减少3万元", "较去年下降2%". Such a number is
 * neither a line's amount nor an item or the total of an itemised list.
 */
export function isChange(m: Mention): boolean {
  const lead = m.lead.replace(/[\s:：,，]+$/, '');
  return (
    /(?:同比|比上年|较上年|比去年|较去年|上年同期)/.test(lead) ||
    /(?:增加|减少|增长|下降|上升|降低|增|减)了?(?:约|近|达)?$/.test(lead)
  );
}

/** The amount in 万元. */
export function inWan(m: Mention): Dec {
  return m.unit === '元'
    ? m.value.dividedBy(10000)
    : m.unit === '亿元'
      ? m.value.times(10000)
      : m.value;
}
