import type { RawValue } from '../grid/types';
import { remembered } from './remember';

/**
 * Full-width forms to ASCII (NFKC: "２５４．８５" → "254.85", "（" → "(", "＞" → ">", U+3000 → space),
 * then trimmed. Dashes are kept apart: "－" (U+FF0D) must stay distinguishable as "not applicable".
 */
export function normalizeText(value: RawValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value).trim();
  return normalized(value);
}

/**
 * Texts remembered: forms repeat their labels and markers on every row, and NFKC is costly. Per
 * generation (values/remember.ts): a 20,000-row form's texts fit in one.
 */
const TEXTS_REMEMBERED = 100_000;

const normalized = remembered(
  (s: string) =>
    s
      .replace(/\uFF0D/g, '\u2212') // keep the full-width minus apart from ASCII '-' after NFKC
      .normalize('NFKC')
      .replace(/[\u00A0\u2000-\u200B\u3000\uFEFF]/g, ' ')
      .trim(),
  TEXTS_REMEMBERED,
);

/** A label for matching: normalized with every space and line break removed ("项   目" → "项目"). */
export function labelText(value: RawValue): string {
  // A number or boolean prints without spaces: its label is its text (asked of every figure cell).
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return labelled(value);
}

const labelled = remembered((s: string) => normalized(s).replace(/\s+/g, ''), TEXTS_REMEMBERED);

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
