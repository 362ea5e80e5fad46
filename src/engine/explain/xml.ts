import { type Layout, parseLayout } from '../reading/layout';
import { EXPLANATIONS_NAMESPACE, type ExplanationPart, type StoredExplanation } from './types';

/**
 * The custom XML part both the add-in (Office.js customXmlParts) and the CLI (the .xlsx package)
 * read and write: one <explanation> per 审核说明, the profile chosen as an attribute of the root.
 * Plain string work, no DOM: the engine and the CLI have none, and the add-in must write what the
 * CLI reads byte for byte.
 */

const escape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const attr = (name: string, value: string | null) =>
  value === null ? '' : ` ${name}="${escape(value)}"`;

export function serializeExplanations(part: ExplanationPart): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<explanations xmlns="${EXPLANATIONS_NAMESPACE}"${attr('profile', part.profile)}>`,
  ];
  for (const e of part.explanations) {
    lines.push(
      `  <explanation${attr('rule', e.rule)}${attr('sheet', e.sheet)}${attr('cell', e.cell)}${attr('by', e.by)}${attr('at', e.at)}>`,
    );
    for (const l of e.labels) lines.push(`    <label>${escape(l)}</label>`);
    for (const v of e.values) lines.push(`    <value>${escape(v)}</value>`);
    lines.push(`    <text>${escape(e.text)}</text>`, '  </explanation>');
  }
  // A corrected reading is kept as the --layout JSON it equals, so a bureau can copy it out.
  for (const r of part.readings ?? []) {
    const { sheet, ...rest } = r;
    lines.push(
      `  <reading${attr('sheet', sheet ?? null)}>${escape(JSON.stringify(rest))}</reading>`,
    );
  }
  lines.push('</explanations>');
  return `${lines.join('\n')}\n`;
}

/** Attributes of a start tag, prefixes dropped (a host may write ns0:rule). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1].replace(/^.*:/, '');
    out.set(name, unescape(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** The children of one element by local name, in order: their text. */
function children(body: string, name: string): string[] {
  const re = new RegExp(
    `<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`,
    'g',
  );
  return [...body.matchAll(re)].map((m) => unescape(m[1] ?? ''));
}

/**
 * The part read back, or null when the XML is not ours (another namespace, no root). An entry
 * without a rule, sheet or text is skipped: it can answer nothing.
 */
export function parseExplanations(xml: string): ExplanationPart | null {
  const root = /<(?:[\w.-]+:)?explanations(\s[^>]*)?\/?>/.exec(xml);
  if (!root) return null;
  const rootAttrs = attributes(root[1] ?? '');
  const ns = [...rootAttrs.entries()].some(([, v]) => v === EXPLANATIONS_NAMESPACE);
  if (!ns && !xml.includes(EXPLANATIONS_NAMESPACE)) return null;
  const explanations: StoredExplanation[] = [];
  const re = /<(?:[\w.-]+:)?explanation(\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?explanation\s*>/g;
  for (const m of xml.matchAll(re)) {
    const a = attributes(m[1] ?? '');
    const text = children(m[2], 'text')[0];
    const rule = a.get('rule');
    const sheet = a.get('sheet');
    if (!rule || sheet === undefined || text === undefined || text.trim() === '') continue;
    explanations.push({
      rule,
      sheet,
      labels: children(m[2], 'label'),
      values: children(m[2], 'value'),
      text,
      by: a.get('by') ?? null,
      at: a.get('at') ?? '',
      cell: a.get('cell') ?? null,
    });
  }
  const readings = readingsOf(xml);
  return {
    profile: rootAttrs.get('profile') ?? null,
    explanations,
    ...(readings.length ? { readings } : {}),
  };
}

/** The stored readings; one that is not a valid layout (edited by hand, say) is skipped. */
function readingsOf(xml: string): Layout[] {
  const out: Layout[] = [];
  const re = /<(?:[\w.-]+:)?reading(\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?reading\s*>/g;
  for (const m of xml.matchAll(re)) {
    const sheet = attributes(m[1] ?? '').get('sheet');
    let json: unknown;
    try {
      json = JSON.parse(unescape(m[2]));
    } catch {
      continue;
    }
    const parsed = parseLayout(json);
    if ('error' in parsed) continue;
    out.push(sheet === undefined ? parsed.layout : { ...parsed.layout, sheet });
  }
  return out;
}
