import './polyfills';
import { FluentProvider, Title3, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { Notice } from '../taskpane/components/Notice';
import { createWpsGateway } from './wpsGateway';
import { wpsApplication } from './wpsHost';

/** The pane in WPS 表格: the same App, its gateway over ET; no office.js on this page. */
const root = document.getElementById('root');
const app = wpsApplication(window);
if (root)
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      {app ? (
        <App gateway={createWpsGateway(app)} />
      ) : (
        // App's own message names Excel; outside WPS this page says where it belongs.
        <main style={{ padding: 12, display: 'grid', gap: 12 }}>
          <Title3>自评表校验</Title3>
          <Notice
            intent="warning"
            title="请在 WPS 表格中打开"
            text="这是 WPS 加载项：请在 WPS 表格中点功能区的“自评表校验 → 校验结果”打开它。"
          />
        </main>
      )}
    </FluentProvider>,
  );
