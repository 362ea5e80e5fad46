import { createExcelGateway } from '../host/excelGateway';
import { officeHost } from '../host/excelHost';

/** The ribbon's 校验 button (ExecuteFunction): check and mark without opening the pane. */
async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await createExcelGateway(officeHost()).check();
  } finally {
    // Always, or Excel shows the button as busy forever.
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
});
