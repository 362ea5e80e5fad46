import type { RawValue } from '../grid/types';

/**
 * Full-width forms to ASCII (NFKC: "２５４．８５" → "254.85", "（" → "(", "＞" → ">", U+3000 → space),
 * then trimmed. Dashes are kept apart: "－" (U+FF0D) must stay distinguishable as "not applicable".
 */
export function normalizeText(value: RawValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value).trim();
  // Forms repeat their labels and markers on every row; NFKC is the costly part, so remember it.
  const known = NORMALIZED.get(value);
  if (known !== undefined) return known;
  if (NORMALIZED.size >= NORMALIZED_LIMIT) NORMALIZED.clear();
  const out = fold(value);
  NORMALIZED.set(value, out);
  return out;
}

const NORMALIZED = new Map<string, string>();
const NORMALIZED_LIMIT = 50_000;

function fold(s: string): string {
  return s
    .replace(/\uFF0D/g, '\u2212') // keep the full-width minus apart from ASCII '-' after NFKC
    .normalize('NFKC')
    .replace(/[\u00A0\u2000-\u200B\u3000\uFEFF]/g, ' ')
    .trim();
}

/** A label for matching: normalized with every space and line break removed ("项   目" → "项目"). */
export function labelText(value: RawValue): string {
  // A number or boolean prints without spaces: its label is its text (asked of every figure cell).
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const known = LABELS.get(value);
  if (known !== undefined) return known;
  if (LABELS.size >= NORMALIZED_LIMIT) LABELS.clear();
  const out = normalizeText(value).replace(/\s+/g, '');
  LABELS.set(value, out);
  return out;
}

const LABELS = new Map<string, string>();

/** A label as written, for messages: full-width kept, spaces and line breaks removed. */
export function displayText(value: RawValue): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\s\u00A0\u3000]+/g, '');
}

/** Markers that mean "not applicable" in a cell: －, —, -, /, ／, \, ＼, and their doubled forms. */
const NOT_APPLICABLE = /^(?:[-\u2010-\u2015\u2212\u2500/\\\uFF3C]{1,3}|无|不适用|N\/?A)$/i;

export function isNotApplicable(value: RawValue): boolean {
  const t = labelText(value);
  return t !== '' && NOT_APPLICABLE.test(t);
}

/** Number of decimals a written number shows: "97.10" → 2, "100" → 0. */
export function decimalsOf(numberText: string): number {
  const m = /\.(\d+)/.exec(numberText);
  return m ? m[1].length : 0;
}
