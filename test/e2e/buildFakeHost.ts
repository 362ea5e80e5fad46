import * as path from 'path';
import webpack from 'webpack';

/** Bundles the fake Excel host for the browser (the product bundle never contains it). */
export function buildFakeHost(outDir: string): Promise<string> {
  const root = path.resolve(__dirname, '../..');
  return new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'development',
        devtool: false,
        entry: path.join(root, 'test/e2e/fakeHostEntry.ts'),
        output: { path: outDir, filename: 'fake-host.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                configFile: path.join(root, 'tsconfig.addin.json'),
                compilerOptions: { rootDir: root },
              },
            },
          ],
        },
      },
      (err, stats) =>
        err || stats?.hasErrors()
          ? reject(err ?? new Error(stats?.toString('errors-only')))
          : resolve(path.join(outDir, 'fake-host.js')),
    ),
  );
}
