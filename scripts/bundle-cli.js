/* Bundles the CLI after tsc (`npm run build`), so that starting it needs no module resolution and
 * no reading of a hundred files:
 *  - dist/cli/main.bundle.js: tsc's dist/cli/main.js with every module it can load (ours, saxes,
 *    decimal.js) in one file; dist/cli/main.js becomes scripts/cli-main.js, which runs the bundle
 *    with Node's module compile cache (dist/cli/.compile-cache), warmed here by checking one fixture;
 *  - dist/cli/worker.js: the pool's worker, and dist/cli/lister.js, the folder search's thread,
 *    bundled the same way in place.
 * exceljs (annotated copies) and the Word path's @xmldom/xmldom and fflate stay in node_modules,
 * loaded only when a run needs them. The rest of dist/ stays as tsc wrote it. */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist/cli');
const EXTERNAL = ['exceljs', '@xmldom/xmldom', 'fflate', 'echarts'];
const LOADER = path.join(__dirname, 'cli-main.js');

// Bundling a bundle (this script run twice without tsc in between) would nest them: refuse.
for (const name of ['main.js', 'worker.js', 'lister.js']) {
  const text = fs.readFileSync(path.join(DIST, name), 'utf8');
  if (text.includes('webpackBootstrap') || text === fs.readFileSync(LOADER, 'utf8'))
    throw new Error(`dist/cli/${name} is already bundled: run \`npm run build\` (tsc first).`);
}

const config = (name, output) => ({
  name,
  mode: 'production',
  target: 'node22',
  context: DIST,
  entry: path.join(DIST, `${name}.js`),
  output: { path: DIST, filename: output },
  externals: Object.fromEntries(EXTERNAL.map((m) => [m, `commonjs ${m}`])),
  externalsPresets: { node: true },
  // __dirname stays the bundle's folder (dist/cli): the pool finds worker.js next to it.
  node: { __dirname: false, __filename: false, global: false },
  // Readable code and names, as tsc wrote them: stack traces and the code cache stay plain.
  optimization: { minimize: false, moduleIds: 'named', splitChunks: false, runtimeChunk: false },
  performance: { hints: false },
  devtool: false,
  stats: 'errors-warnings',
});

webpack(
  [config('main', 'main.bundle.js'), config('worker', 'worker.js'), config('lister', 'lister.js')],
  (err, stats) => {
    if (err || stats.hasErrors() || stats.hasWarnings()) {
      console.error(err ?? stats.toString('errors-warnings'));
      process.exit(1);
    }
    const cache = path.join(DIST, '.compile-cache');
    fs.rmSync(cache, { recursive: true, force: true });
    fs.rmSync(path.join(DIST, 'main.bundle.cache'), { force: true }); // an older build's own cache
    fs.copyFileSync(LOADER, path.join(DIST, 'main.js'));
    fs.chmodSync(path.join(DIST, 'main.js'), 0o755);
    // Warm the compile cache: what one check of a small workbook compiles (a form with findings).
    const env = { ...process.env };
    delete env.NODE_COMPILE_CACHE; // the folder beside the bundle, not one a caller set
    try {
      execFileSync(
        process.execPath,
        [
          path.join(DIST, 'main.js'),
          'check',
          path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx'),
          '--json',
        ],
        { env, stdio: 'ignore' },
      );
    } catch (e) {
      // Exit code 1: the fixture has errors, as it should. Anything else: the bundle is broken.
      if (e.status !== 1) throw e;
    }
  },
);
