/**
 * Text from cells and file names, made safe for a terminal: control characters (C0, DEL, C1) and
 * the bidirectional overrides that reorder what is shown are written as visible escapes, so a
 * cell or a file name cannot move the cursor, recolour the screen or disguise itself.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safe(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const cp = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return cp <= 0xff
      ? `\\x${cp.toString(16).padStart(2, '0')}`
      : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}
