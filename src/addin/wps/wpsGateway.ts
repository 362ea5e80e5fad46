import { NATIONAL_PROFILE, type Profile } from '../../engine/profile/profile';
import type { Gateway } from '../core/gateway';
import type { EtApplication } from './et';
import { checkNow } from './gateway/check';
import { clearNow } from './gateway/clear';
import type { WpsContext } from './gateway/context';
import { exportNow } from './gateway/exportFindings';
import { fixNow } from './gateway/fix';
import { selectNow } from './gateway/select';

/**
 * The WPS 表格 side of the task pane, over the ET object model: one module per operation
 * (gateway/) over a shared WpsContext. The same three steps as Excel (read, plan in
 * core/markPlan, write), but every ET call is synchronous and crosses into WPS, so reads take
 * whole ranges and state is read only for the cells the plan touches.
 */
export function createWpsGateway(app: EtApplication, profile: Profile = NATIONAL_PROFILE): Gateway {
  const g: WpsContext = { app, profile };
  return {
    check: (scope = 'sheet', report) => Promise.resolve(checkNow(g, scope, report)),
    select: (sheet, cell) => Promise.resolve(selectNow(app, sheet, cell)),
    applyFixes: (fixes, scope = 'sheet', report) => {
      const done = fixNow(app, fixes);
      if (done.kind === 'error') return Promise.resolve(done);
      return Promise.resolve(checkNow(g, scope, report));
    },
    clearMarks: () => Promise.resolve(clearNow(app)),
    exportFindings: (forms) => Promise.resolve(exportNow(app, forms)),
  };
}
