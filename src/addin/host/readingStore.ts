import type { Layout } from '../../engine';
import { loadExplanations, saveExplanations, type XmlRun } from './customXml';

/**
 * A reading the person corrected in the pane (issue 18 item 5), kept in the workbook's selfeval
 * part beside its 审核说明 and profile choice: every later 校验 there, and the CLI, read the sheet
 * so. One reading per sheet: a new one replaces the sheet's old one.
 */
export async function storeReading(run: XmlRun, layout: Layout): Promise<Layout[]> {
  const part = await loadExplanations(run);
  const readings = [...(part.readings ?? []).filter((r) => r.sheet !== layout.sheet), layout];
  await saveExplanations(run, { ...part, readings });
  return readings;
}

/** The readings stored in the workbook (none: the checker reads every sheet itself). */
export async function storedReadings(run: XmlRun): Promise<Layout[]> {
  return (await loadExplanations(run)).readings ?? [];
}

/** Back to the checker's own reading of a sheet. */
export async function forgetReading(run: XmlRun, sheet: string): Promise<void> {
  const part = await loadExplanations(run);
  const readings = (part.readings ?? []).filter((r) => r.sheet !== sheet);
  await saveExplanations(run, { ...part, readings });
}
