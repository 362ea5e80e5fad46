/* Lowers a dependency's JavaScript to ES2017 syntax with TypeScript (already a dev dependency):
 * WPS's embedded Chromium has an unknown version, so nothing newer may reach it. */
const ts = require('typescript');

module.exports = function es2017Loader(source) {
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath.replace(/\.[cm]?js$/, '.js'),
    compilerOptions: {
      target: ts.ScriptTarget.ES2017,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      sourceMap: false,
    },
  });
  return out.outputText;
};
