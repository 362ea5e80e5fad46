import { outcomeDialogUrl } from '../core/outcomeText';
import type { CheckOutcome } from '../core/gateway';
import { createExcelGateway } from '../host/excelGateway';
import { officeHost } from '../host/excelHost';

/** The page's own folder: the dialog page is emitted beside commands.html. */
function baseUrl(): string {
  return window.location.href.replace(/[^/]*(?:[?#].*)?$/, '');
}

/** Shows the outcome in a dialog; the user closes it (or it closes with the button). */
function say(outcome: CheckOutcome): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      outcomeDialogUrl(baseUrl(), outcome),
      { height: 30, width: 30, displayInIframe: true },
      (r) => {
        if (r.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = r.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        }
        resolve();
      },
    );
  });
}

/** The ribbon's 校验 button (ExecuteFunction): check, mark, and say what was found. */
async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await say(await createExcelGateway(officeHost()).check());
  } catch {
    // Saying it failed must never keep the button busy.
  } finally {
    // Always, or Excel shows the button as busy forever.
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('runCheck', runCheck);
});
