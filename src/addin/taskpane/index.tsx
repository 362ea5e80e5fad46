import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createExcelGateway } from '../host/excelGateway';
import { type ExcelHost, officeHost } from '../host/excelHost';
import { App } from './App';

/** The only wiring with Office: pick the host, hand the pane its gateway. */
Office.onReady((info) => {
  // End-to-end tests run the pane in a plain browser and inject a fake host; without one, outside Excel, the pane says so.
  const injected = (window as unknown as { __selfevalTestHost?: ExcelHost }).__selfevalTestHost;
  const host = info.host === Office.HostType.Excel ? officeHost() : injected ?? null;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={host ? createExcelGateway(host) : null} />
    </FluentProvider>,
  );
});
