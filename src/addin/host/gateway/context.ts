import type { Profile } from '../../../engine/profile/profile';
import { excelErrorDetail, excelErrorSentence } from '../../core/errors';
import type { XmlPartsContext, XmlRun } from '../customXml';
import { type Capabilities, capabilitiesOf, type ExcelHost } from '../excelHost';

/** What every operation of the Excel gateway shares: the host, what it can do, the profile. */
export interface GatewayContext {
  host: ExcelHost;
  caps: Capabilities;
  /** When given, used whatever the workbook stores (tests, a fixed deployment). */
  profile?: Profile;
  /** Excel.run as the custom XML part's module takes it. */
  xmlRun: XmlRun;
  /** The last 在表上框出读取区域 the pane chose: re-checks (修正, 说明…) keep it. */
  outline?: boolean;
}

export function gatewayContext(host: ExcelHost, profile?: Profile): GatewayContext {
  return {
    host,
    caps: capabilitiesOf(host),
    profile,
    xmlRun: (batch) => host.run((context) => batch(context as unknown as XmlPartsContext)),
  };
}

/** Excel's refusal as the pane shows it: a sentence, and Excel's own words behind 详细信息. */
export function refusal(e: unknown): { kind: 'error'; message: string; detail?: string } {
  return { kind: 'error', message: excelErrorSentence(e), detail: excelErrorDetail(e) };
}
