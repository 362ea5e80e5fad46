import { isNoFill, type OriginalFill } from '../../core/marks';
import { bgrToHex, hexToBgr } from '../colors';
import { type EtRange, XL_NONE, XL_SOLID } from '../et';

export const NO_FILL: OriginalFill = {
  color: null,
  pattern: null,
  tintAndShade: null,
  patternColor: null,
  patternTintAndShade: null,
};

/** The fill as ET reports it; "no fill" (ColorIndex -4142) costs two calls, a fill five more. */
export function fillOf(r: EtRange): OriginalFill {
  const it = r.Interior;
  if (it.ColorIndex === XL_NONE) return NO_FILL;
  const pattern = it.Pattern;
  if (pattern === XL_NONE) return NO_FILL;
  return {
    color: bgrToHex(it.Color),
    pattern: String(pattern),
    tintAndShade: it.TintAndShade,
    patternColor: pattern === XL_SOLID ? null : bgrToHex(it.PatternColor),
    patternTintAndShade: null,
  };
}

export function restoreFill(r: EtRange, o: OriginalFill): void {
  const it = r.Interior;
  if (isNoFill(o) || o.color === null) {
    it.ColorIndex = XL_NONE;
    return;
  }
  it.Color = hexToBgr(o.color);
  const pattern = Number(o.pattern);
  if (Number.isFinite(pattern) && pattern !== XL_SOLID) it.Pattern = pattern;
  if (o.tintAndShade !== null && o.tintAndShade !== 0) it.TintAndShade = o.tintAndShade;
  if (o.patternColor !== null && pattern !== XL_SOLID) it.PatternColor = hexToBgr(o.patternColor);
}
