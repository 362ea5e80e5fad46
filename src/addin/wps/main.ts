import './polyfills';
import type { CheckOutcome } from '../core/gateway';
import { clearedText, outcomeText } from '../core/outcomeText';
import { createWpsGateway } from './wpsGateway';
import { hostFunction, pageFolder, type WpsHostApp, wpsApplication } from './wpsHost';

/**
 * The ribbon's callbacks (ribbon.xml, customUI 2006): WPS calls these globals by name from the
 * add-in's index.html page. 校验 checks the active sheet and says what it found in a dialog;
 * 校验结果 opens the task pane; 清除标记 puts the cells back.
 */
const PANE_KEY = 'selfeval.taskpane';

function app(): WpsHostApp {
  const a = wpsApplication(window);
  if (!a) throw new Error('不在 WPS 中');
  return a;
}

function say(title: string, text: string, kind: string): void {
  const q = new URLSearchParams({ kind, title, text }).toString();
  const scale = window.devicePixelRatio || 1;
  hostFunction(app(), 'ShowDialog')(
    `${pageFolder(location.href)}result.html?${q}`,
    title,
    420 * scale,
    240 * scale,
    false,
  );
}

function sayOutcome(o: CheckOutcome): void {
  const { title, text } = outcomeText(o);
  if (o.kind === 'error') say('WPS 拒绝了操作', o.message, 'error');
  else if (o.kind === 'not-a-form' || o.kind === 'cancelled') say(title, text, 'warning');
  else
    say(
      title,
      text,
      o.result.summary.errors ? 'error' : o.result.summary.warnings ? 'warning' : 'success',
    );
}

function showPane(): void {
  const a = app();
  const id = a.PluginStorage.getItem(PANE_KEY);
  let pane =
    id !== null && id !== undefined && id !== ''
      ? hostFunction(a, 'GetTaskPane')(id as string)
      : null;
  if (!pane) {
    pane = hostFunction(a, 'CreateTaskPane')(`${pageFolder(location.href)}taskpane.html`);
    a.PluginStorage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
}

export function OnAddinLoad(): boolean {
  return true;
}

export function OnAction(control: { Id: string }): boolean {
  const gateway = createWpsGateway(app());
  if (control.Id === 'selfevalCheck') void gateway.check('sheet').then(sayOutcome);
  else if (control.Id === 'selfevalPane') showPane();
  else if (control.Id === 'selfevalClear')
    void gateway
      .clearMarks()
      .then((r) =>
        r.kind === 'cleared'
          ? say('已清除标记', clearedText(r), 'success')
          : say('无法清除标记', r.message, 'error'),
      );
  return true;
}

/** The buttons need an open workbook. */
export function OnGetEnabled(): boolean {
  try {
    return !!app().ActiveWorkbook;
  } catch {
    return false;
  }
}

export function GetImage(control: { Id: string }): string {
  return control.Id === 'selfevalClear' ? 'images/clear.png' : 'images/check.png';
}

Object.assign(window, { OnAddinLoad, OnAction, OnGetEnabled, GetImage });
