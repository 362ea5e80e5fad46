import type { StoredExplanation } from '../../../engine/explain/types';
import type { Finding } from '../../../engine/findings/types';
import type { Layout } from '../../../engine/reading/layout';
import { excelErrorDetail } from '../../core/errors';
import type { CheckOutcome, CheckScope, ReportInput } from '../../core/gateway';
import { addExplanation, loadExplanations, storeProfileChoice } from '../customXml';
import { storeReading } from '../readingStore';
import { check } from './check';
import type { GatewayContext } from './context';

/** What the workbook's selfeval part keeps (审核说明, profile, readings): saved, then checked again. */
async function storeThenCheck(
  save: () => Promise<unknown>,
  refused: string,
  recheck: () => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  try {
    await save();
  } catch (e) {
    return { kind: 'error', message: refused, detail: excelErrorDetail(e) };
  }
  return recheck();
}

export async function explain(
  g: GatewayContext,
  sheet: string,
  finding: Finding,
  text: string,
  scope: CheckScope = 'sheet',
  report?: ReportInput,
): Promise<CheckOutcome> {
  if (finding.severity === 'error' || !finding.key)
    return { kind: 'error', message: '错误不能用审核说明解释：请改正表格。' };
  const entry: StoredExplanation = {
    ...finding.key,
    sheet,
    text,
    by: null,
    at: new Date().toISOString(),
    cell: finding.cells[0] ?? null,
  };
  return storeThenCheck(
    () => addExplanation(g.xmlRun, entry),
    '审核说明没能保存到工作簿，请重试。',
    () => check(g, scope, report),
  );
}

export function setProfile(
  g: GatewayContext,
  id: string | null,
  scope: CheckScope = 'sheet',
): Promise<CheckOutcome> {
  return storeThenCheck(
    () => storeProfileChoice(g.xmlRun, id),
    '评分口径没能保存到工作簿，请重试。',
    () => check(g, scope),
  );
}

export async function storedProfile(g: GatewayContext): Promise<string | null> {
  return (await loadExplanations(g.xmlRun)).profile;
}

export function correctReading(
  g: GatewayContext,
  sheet: string,
  layout: Layout,
  scope: CheckScope = 'sheet',
): Promise<CheckOutcome> {
  return storeThenCheck(
    () => storeReading(g.xmlRun, { ...layout, sheet }),
    '读取方式的更正没能保存到工作簿，请重试。',
    () => check(g, scope),
  );
}
