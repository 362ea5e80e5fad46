/* Builds the WPS 加载项 (`npm run build:wps`): the same pane without office.js, the ribbon
 * (ribbon.xml + main.js) and the result dialog, all ES2017 (WPS's embedded Chromium has an unknown
 * version; dependencies are lowered too, see scripts/wps/es2017-loader.js), into dist-wps/addin/,
 * then packaged by scripts/wps/package.js:
 *   dist-wps/publish/  publish mode: the folder for an intranet web server + publish.xml
 *                      (WPS_BASE_URL: that server's address for the folder)
 *   dist-wps/offline/  jsplugins.xml mode for machines without network: the folder to copy into
 *                      jsaddons, jsplugins.xml, the oem.ini lines, install/uninstall scripts. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { packageWps } = require('./scripts/wps/package');

const OUT = path.join(__dirname, 'dist-wps', 'addin');

module.exports = (env, argv) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  devtool: false,
  target: ['web', 'es2017'],
  entry: {
    main: './src/addin/wps/main.ts',
    taskpane: './src/addin/wps/taskpane.tsx',
    result: './src/addin/wps/result.ts',
  },
  output: { path: OUT, filename: '[name].js', clean: true },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: {
          configFile: 'tsconfig.addin.json',
          compilerOptions: { target: 'ES2017', types: [] },
          onlyCompileBundledFiles: true,
        },
      },
      {
        test: /\.[cm]?js$/,
        include: /node_modules/,
        loader: path.join(__dirname, 'scripts/wps/es2017-loader.js'),
      },
    ],
  },
  performance: { hints: false },
  optimization: { minimize: argv.mode !== 'development' },
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'index.html',
      template: './src/addin/wps/index.html',
      chunks: ['main'],
    }),
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/addin/wps/taskpane.html',
      chunks: ['taskpane'],
    }),
    new HtmlWebpackPlugin({
      filename: 'result.html',
      template: './src/addin/wps/result.html',
      chunks: ['result'],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/addin/wps/ribbon.xml', to: 'ribbon.xml' },
        { from: 'assets/icon-32.png', to: 'images/check.png' },
        { from: 'assets/icon-32.png', to: 'images/clear.png' },
      ],
    }),
    {
      apply(compiler) {
        compiler.hooks.afterEmit.tap('package-wps', () => packageWps(OUT));
      },
    },
  ],
});
