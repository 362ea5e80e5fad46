/**
 * The 自评报告's paragraphs as the report.* rules match them: a normalized copy (full-width digits
 * and brackets folded) with every position mapped back to the paragraph as written, its
 * sentences, and the short quote a finding shows.
 */
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
