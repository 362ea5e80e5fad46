import type { CheckOutcome } from '../core/gateway';
import { outcomeDialogUrl } from '../core/outcomeText';

/**
 * The ribbon's 校验 (an ExecuteFunction command) and its result dialog. "The runtime closes when
 * the function completes" (add-in commands docs), so `completed()` must wait for the dialog:
 * it runs when the dialog reports closing (its 关闭, or the user's ×), or after DIALOG_TIMEOUT_MS,
 * below the five minutes Office gives a function command.
 */
export const DIALOG_TIMEOUT_MS = 4.5 * 60 * 1000;

/** The slice of Office.Dialog used: typed here so a fake stands in for it in tests. */
export interface DialogLike {
  addEventHandler(type: unknown, handler: (arg: unknown) => void): void;
  close(): void;
}

export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; displayInIframe: boolean },
    callback: (r: { status: unknown; value: DialogLike; error?: unknown }) => void,
  ): void;
}

export interface CommandDeps {
  check(): Promise<CheckOutcome>;
  ui: DialogUi;
  /** Office.AsyncResultStatus.Succeeded and Office.EventType's two dialog events. */
  succeeded: unknown;
  messageEvent: unknown;
  closedEvent: unknown;
  baseUrl: string;
  timeoutMs?: number;
  /** Where the outcome goes besides the dialog: the shared runtime's store, so the pane shows it. */
  publish?(o: CheckOutcome): void;
  setTimer?(f: () => void, ms: number): unknown;
  clearTimer?(t: unknown): void;
}

/** Shows the outcome and resolves once the dialog is gone (closed, or timed out and closed). */
export function showUntilClosed(deps: CommandDeps, outcome: CheckOutcome): Promise<void> {
  const setTimer = deps.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  return new Promise((resolve) => {
    deps.ui.displayDialogAsync(
      outcomeDialogUrl(deps.baseUrl, outcome),
      { height: 30, width: 30, displayInIframe: true },
      (r) => {
        // No dialog (blocked, or another one open): nothing to wait for.
        if (r.status !== deps.succeeded) return resolve();
        const dialog = r.value;
        let done = false;
        const finish = (close: boolean) => {
          if (done) return;
          done = true;
          clearTimer(timer);
          if (close) {
            try {
              dialog.close();
            } catch {
              // Already gone: closing twice is harmless to the user.
            }
          }
          resolve();
        };
        const timer = setTimer(() => finish(true), deps.timeoutMs ?? DIALOG_TIMEOUT_MS);
        // 关闭 in the dialog sends a message; the user's × (12006) arrives as a dialog event.
        dialog.addEventHandler(deps.messageEvent, () => finish(true));
        dialog.addEventHandler(deps.closedEvent, () => finish(false));
      },
    );
  });
}

/** 校验 from the ribbon: check, publish to the pane, say it, and complete only when the dialog has closed. */
export async function runCheckCommand(
  deps: CommandDeps,
  event: { completed(): void },
): Promise<void> {
  try {
    const outcome = await deps.check();
    deps.publish?.(outcome);
    await showUntilClosed(deps, outcome);
  } catch {
    // Saying it failed must never keep the button busy.
  } finally {
    // Always, or Excel shows the button as busy forever.
    event.completed();
  }
}
