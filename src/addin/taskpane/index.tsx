import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { runCheckCommand } from '../commands/lifecycle';
import { createOutcomeStore } from '../core/store';
import { createExcelGateway } from '../host/excelGateway';
import { type ExcelHost, officeHost } from '../host/excelHost';
import { App } from './App';
import { themeFor } from './theme';

/** The page's own folder: the dialog page is emitted beside taskpane.html. */
function baseUrl(): string {
  return window.location.href.replace(/[^/]*(?:[?#].*)?$/, '');
}

/**
 * The only wiring with Office. One page (the shared runtime, manifest <Runtimes>) holds the
 * ribbon's 校验 and the pane: both use one gateway and one store, so a ribbon 校验 fills the pane.
 */
Office.onReady((info) => {
  // End-to-end tests run the pane in a plain browser and inject a fake host (and a theme); without one, outside Excel, the pane says so.
  const test = window as unknown as {
    __selfevalTestHost?: ExcelHost;
    __selfevalTheme?: { bodyBackgroundColor: string };
  };
  const inExcel = info.host === Office.HostType.Excel;
  const host = inExcel ? officeHost() : (test.__selfevalTestHost ?? null);
  const officeTheme = inExcel ? Office.context.officeTheme : test.__selfevalTheme;
  const gateway = host ? createExcelGateway(host) : null;
  const store = createOutcomeStore();
  if (gateway && inExcel)
    Office.actions.associate('runCheck', (event: Office.AddinCommands.Event) =>
      runCheckCommand(
        {
          check: () => gateway.check(),
          publish: (o) => store.set(o),
          ui: Office.context.ui as unknown as Parameters<typeof runCheckCommand>[0]['ui'],
          succeeded: Office.AsyncResultStatus.Succeeded,
          messageEvent: Office.EventType.DialogMessageReceived,
          closedEvent: Office.EventType.DialogEventReceived,
          baseUrl: baseUrl(),
        },
        event,
      ),
    );
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={themeFor(officeTheme)} style={{ minHeight: '100vh' }}>
      <App gateway={gateway} store={store} />
    </FluentProvider>,
  );
});
