/* Builds the add-in: taskpane.html (the pane and the ribbon's function: one shared runtime), the icons, and manifest.xml with the base URL
 * from ADDIN_BASE_URL (default: the dev server, https://localhost:3000/).
 *
 * office.js: Microsoft's CDN in every build a user runs (dev server, `npm run build:addin`).
 * OFFICE_JS_URL overrides it:
 *   - an https URL (an IT department's own mirror of the CDN folder): the pages load it, nothing is copied;
 *   - a relative path such as office-js/office.js: the npm copy (@microsoft/office-js) is copied there.
 *     Only the offline end-to-end test does this (`npm run test:e2e`): that copy is an old build
 *     (no Worksheet.notes, no mergeUndoGroup) and must not reach Excel. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE = 'https://localhost:3000/';

/**
 * https for the dev server from office-addin-dev-certs. Installing its CA needs admin rights; where
 * that fails (Linux without sudo) the certificates are still generated: serve with them and say
 * how to trust the CA by hand.
 */
async function devHttpsOptions() {
  const certs = require('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const read = (f) => require('fs').readFileSync(path.join(dir, f));
    console.warn(
      `\n无法自动信任开发证书（${e.message.split('\n')[0]}）。请手动把 ${path.join(dir, 'ca.crt')} 加入浏览器或系统的受信任根证书，然后刷新 https://localhost:3000/taskpane.html。\n`,
    );
    return { ca: read('ca.crt'), key: read('localhost.key'), cert: read('localhost.crt') };
  }
}
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_NPM = path.join(__dirname, 'node_modules/@microsoft/office-js/dist');

/** Where the pages load office.js from, and (for a relative path) the folder to copy the npm files into. */
function officeJsSource(value = process.env.OFFICE_JS_URL) {
  const url = (value || '').trim() || OFFICE_JS_CDN;
  if (/^https:\/\//.test(url)) return { url, copyTo: null };
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(url) ||
    url.startsWith('/') ||
    url.split('/').includes('..') ||
    !/(^|\/)office\.js$/.test(url)
  ) {
    throw new Error(
      `OFFICE_JS_URL must be an https URL or a relative path ending in office.js (e.g. office-js/office.js): ${url}`,
    );
  }
  return { url, copyTo: path.posix.dirname(url) === '.' ? '' : `${path.posix.dirname(url)}/` };
}

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const base = (process.env.ADDIN_BASE_URL || DEV_BASE).replace(/\/?$/, '/');
  if (!/^https:\/\//.test(base))
    throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins only over https): ${base}`);
  const office = officeJsSource();
  const officeJs = office.url;
  const serve = process.env.WEBPACK_SERVE === 'true';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/addin/taskpane/index.tsx',
      result: './src/addin/dialog/result.ts',
    },
    output: { path: path.join(__dirname, 'dist-addin'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { configFile: 'tsconfig.addin.json' },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs },
      }),
      // The dialog the ribbon's 校验 opens (commands/lifecycle.ts), beside taskpane.html.
      new HtmlWebpackPlugin({
        filename: 'result.html',
        template: './src/addin/dialog/result.html',
        chunks: ['result'],
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              content
                .toString()
                .split(DEV_BASE)
                .join(base)
                .split(DEV_BASE.replace(/\/$/, ''))
                .join(base.replace(/\/$/, '')),
          },
          // The e2e build only (a relative OFFICE_JS_URL): what Excel needs of the npm office.js — the
          // loader, the Excel host scripts, two locales.
          ...(office.copyTo === null
            ? []
            : [
                {
                  from: '{office,es6-promise,o15apptofilemappingtable,excel*}.js',
                  context: OFFICE_JS_NPM,
                  to: office.copyTo,
                  globOptions: { ignore: ['**/*debug*'] },
                  info: { minimized: true },
                },
                {
                  from: '{en-us,zh-cn}/**',
                  context: OFFICE_JS_NPM,
                  to: office.copyTo,
                  globOptions: { ignore: ['**/*debug*'] },
                  info: { minimized: true },
                },
              ]),
        ],
      }),
    ],
    devServer: serve
      ? {
          port: Number(process.env.PORT || 3000),
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await devHttpsOptions() },
          static: { directory: path.join(__dirname, 'dist-addin') },
        }
      : undefined,
  };
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.officeJsSource = officeJsSource;
