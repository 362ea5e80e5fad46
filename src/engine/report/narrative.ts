/**
 * Reading the 自评报告's sentences: the numbers it states (amounts with 万元 / 元 / 亿元, counts
 * with their measure word and noun, percentages, scores) and where they are in the paragraph.
 * Pure text work on a normalized copy (full-width digits and brackets folded), with every
 * position mapped back to the paragraph as written.
 */
import { Dec } from '../values/decimal';

export interface ReportParagraph {
  /** Numbered from 1, as readDocx numbers the paragraphs outside tables. */
  index: number;
  text: string;
}

/** A paragraph folded for matching, with a map from folded positions back to the original. */
export interface Folded {
  paragraph: ReportParagraph;
  text: string;
  /** origin[i] = offset in paragraph.text of folded char i; origin[text.length] = text length. */
  origin: number[];
}

export function fold(paragraph: ReportParagraph): Folded {
  let text = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of paragraph.text) {
    let f = ch === '\uFF0D' ? '-' : ch.normalize('NFKC');
    if (/[\u00A0\u2000-\u200B\u3000\uFEFF]/.test(f)) f = ' ';
    // Quotes around a term (“三公”经费) must not break it: drop them.
    if (/^["“”‘’'「」『』]$/.test(f)) f = '';
    for (let i = 0; i < f.length; i++) origin.push(at);
    text += f;
    at += ch.length;
  }
  origin.push(at);
  return { paragraph, text, origin };
}

export interface Span {
  start: number;
  end: number;
}

/** Sentences: up to 。！？；, a full stop that is not a decimal point, or a line break. */
export function sentences(f: Folded, stops = '。!?;\n'): Span[] {
  const out: Span[] = [];
  let start = 0;
  const t = f.text;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    // A full stop ends a sentence unless it is a decimal point or a list number ("2.为完成…").
    const stop =
      stops.includes(c) ||
      (c === '.' &&
        stops.includes('。') &&
        !(/\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')) &&
        !/^\s*\d+$/.test(t.slice(start, i)));
    if (stop) {
      if (t.slice(start, i + 1).trim()) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (t.slice(start).trim()) out.push({ start, end: t.length });
  return out;
}

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
    // The number: digits, thousands commas, one decimal point.
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
    const number = t.slice(i, j).replace(/,/g, '');
    let k = j;
    while (t[k] === ' ') k++;
    const rest = t.slice(k, k + 2);
    let kind: MentionKind | null = null;
    let unit = '';
    let noun = '';
    if (rest.startsWith('亿元') || rest.startsWith('万元')) {
      kind = 'amount';
      unit = rest;
    } else if (rest[0] === '元') {
      kind = 'amount';
      unit = '元';
    } else if (rest[0] === '%') {
      kind = 'percent';
      unit = '%';
    } else if (rest[0] === '分' && !/^分[之值]/.test(t.slice(k, k + 2))) {
      kind = 'score';
      unit = '分';
    } else if (rest[0] && MEASURES.includes(rest[0]) && !(rest[0] === '人' && t[k + 1] === '民')) {
      kind = 'count';
      unit = rest[0];
      let n = k + 1;
      while (n < t.length && n < k + 7 && /[\u4e00-\u9fff]/.test(t[n]) && !NOUN_STOPS.test(t[n]))
        n++;
      noun = t.slice(k + 1, n);
    }
    if (kind && !/[年月日号]/.test(t[j] ?? '')) {
      const end = k + unit.length;
      out.push({
        kind,
        number,
        value: new Dec(number),
        decimals: number.includes('.') ? number.split('.')[1].length : 0,
        unit,
        noun,
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

/** The sentence around folded position `at`, and a short quote of it ending at `quoteEnd`. */
export function sentenceAt(f: Folded, at: number): Span {
  return sentences(f).find((s) => s.start <= at && at < s.end) ?? { start: 0, end: f.text.length };
}

/** A span of the folded text as a span of the paragraph as written. */
export function original(f: Folded, s: Span): Span {
  return { start: f.origin[s.start], end: f.origin[s.end] };
}

/** A short quote of the sentence: at most `max` characters, ending with the mention. */
export function quote(f: Folded, sentence: Span, mentionEnd: number, max = 40): string {
  const o = original(f, sentence);
  const text = f.paragraph.text.slice(o.start, o.end).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const endAt = f.origin[mentionEnd] - o.start;
  let from = Math.max(0, endAt - max + 1);
  // Start after a clause break when there is one early in the window.
  const head = text.slice(from, from + Math.floor(max / 2));
  const cut = Math.max(...[...'，,；;：:'].map((c) => head.lastIndexOf(c)));
  if (from > 0 && cut >= 0) from += cut + 1;
  const to = Math.min(text.length, Math.max(endAt, from + max - 1));
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
