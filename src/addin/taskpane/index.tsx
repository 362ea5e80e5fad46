import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createExcelGateway } from '../host/excelGateway';
import { type ExcelHost, officeHost } from '../host/excelHost';
import { App } from './App';
import { themeFor } from './theme';

/** The only wiring with Office: pick the host and the theme, hand the pane its gateway. */
Office.onReady((info) => {
  // End-to-end tests run the pane in a plain browser and inject a fake host (and a theme); without one, outside Excel, the pane says so.
  const test = window as unknown as {
    __selfevalTestHost?: ExcelHost;
    __selfevalTheme?: { bodyBackgroundColor: string };
  };
  const inExcel = info.host === Office.HostType.Excel;
  const host = inExcel ? officeHost() : (test.__selfevalTestHost ?? null);
  const officeTheme = inExcel ? Office.context.officeTheme : test.__selfevalTheme;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={themeFor(officeTheme)} style={{ minHeight: '100vh' }}>
      <App gateway={host ? createExcelGateway(host) : null} />
    </FluentProvider>,
  );
});
