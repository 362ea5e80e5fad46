import { isNoFill, type OriginalFill } from '../core/marks';

/** Puts a cell's fill back exactly: "No Fill" is cleared, not painted white. */
export function restoreFill(range: Excel.Range, original: OriginalFill): void {
  if (isNoFill(original)) {
    range.format.fill.clear();
    return;
  }
  const fill: Excel.CellPropertiesFill = {};
  if (original.color !== null) fill.color = original.color;
  if (original.pattern !== null) fill.pattern = original.pattern as Excel.FillPattern;
  if (original.tintAndShade !== null) fill.tintAndShade = original.tintAndShade;
  if (original.patternColor !== null) fill.patternColor = original.patternColor;
  if (original.patternTintAndShade !== null)
    fill.patternTintAndShade = original.patternTintAndShade;
  range.setCellProperties([[{ format: { fill } }]]);
}
