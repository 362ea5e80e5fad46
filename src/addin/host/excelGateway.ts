import type { Gateway } from '../core/gateway';
import type { Profile } from '../../engine/profile/profile';
import type { ExcelHost } from './excelHost';
import { applyFixes } from './gateway/applyFixes';
import { check } from './gateway/check';
import { clearMarks } from './gateway/clear';
import { gatewayContext } from './gateway/context';
import { exportFindings } from './gateway/exportFindings';
import { select } from './gateway/select';
import { correctReading, explain, setProfile, storedProfile } from './gateway/stored';

/**
 * The Excel side of the task pane: one module per operation (gateway/), each over the shared
 * GatewayContext, in three steps: read (host), plan (pure, in core/markPlan), write (host).
 * `profile`, when given, is used whatever the workbook stores (tests, a fixed deployment).
 */
export function createExcelGateway(host: ExcelHost, profile?: Profile): Gateway {
  const g = gatewayContext(host, profile);
  return {
    check: (scope, report, options) => check(g, scope, report, options),
    select: (sheet, cell) => select(g, sheet, cell),
    applyFixes: (fixes, scope, report) => applyFixes(g, fixes, scope, report),
    clearMarks: () => clearMarks(g),
    exportFindings: (forms) => exportFindings(g, forms),
    explain: (sheet, finding, text, scope, report) =>
      explain(g, sheet, finding, text, scope, report),
    setProfile: (id, scope) => setProfile(g, id, scope),
    storedProfile: () => storedProfile(g),
    correctReading: (sheet, layout, scope) => correctReading(g, sheet, layout, scope),
    canOutline: true,
  };
}
