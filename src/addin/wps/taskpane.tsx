import './polyfills';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { wpsApplication } from './wpsHost';
import { createWpsGateway } from './wpsGateway';

/** The pane in WPS 表格: the same App, its gateway over ET; no office.js on this page. */
const root = document.getElementById('root');
const app = wpsApplication(window);
if (root)
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <App gateway={app ? createWpsGateway(app) : null} />
    </FluentProvider>,
  );
