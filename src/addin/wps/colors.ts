/**
 * ET colours are BGR longs (red in the low byte); the add-in's colours are "#RRGGBB" strings.
 * Getting the byte order wrong would mark errors blue, so both directions live here only.
 */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`不是颜色：${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  return r + g * 256 + b * 65536;
}

export function bgrToHex(bgr: number): string {
  const n = Math.max(0, Math.floor(bgr)) & 0xffffff;
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
