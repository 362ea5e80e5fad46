/* `npm run schema`: the JSON contract's schema (docs/selfeval-result.schema.json), generated from
 * the TypeScript type the CLI writes (JsonResult in src/cli/formatters/json.ts), so the schema and
 * the output cannot drift; test/cli/schema.test.ts checks the committed file is current and that
 * every fixture's --json output validates against it. `--check` only compares. */
const fs = require('fs');
const path = require('path');
const { createGenerator } = require('ts-json-schema-generator');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs/selfeval-result.schema.json');

/** The schema's text, formatted as prettier formats the repository (npm run lint checks it). */
async function generate() {
  const schema = createGenerator({
    path: path.join(ROOT, 'src/cli/formatters/json.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    type: 'JsonResult',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('JsonResult');
  schema.$id = 'https://selfeval.example.org/schema/selfeval-result.schema.json';
  schema.title = 'selfeval check --json';
  schema.description =
    'selfeval check --json 的输出：一个数组，每张自评表一项（不含自评表的文件一项）。由 scripts/gen-schema.js 从 TypeScript 类型生成，勿手改。';
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(JSON.stringify(schema, null, 2), { ...options, filepath: OUT });
}

module.exports = { generate, OUT };

if (require.main === module) {
  void main();
}

async function main() {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    if (!same) {
      console.error('docs/selfeval-result.schema.json 已过期：请运行 npm run schema。');
      process.exit(1);
    }
  } else fs.writeFileSync(OUT, text);
}
