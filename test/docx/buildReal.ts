/**
 * Rebuilds the Word fixtures transcribed from published pages:
 *   npx ts-node -P tsconfig.test.json test/docx/buildReal.ts [outDir]
 * Each test/fixtures/docx/src/NAME.json holds the published document as blocks (paragraphs and
 * tables of BCell rows with span / vMerge, text as printed); NAME.docx is written to outDir
 * (default test/fixtures/docx). The bytes are deterministic (fixed zip timestamps).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildDocx, type Block } from './builder';

const ROOT = path.resolve(__dirname, '../..');
export const REAL_DOCX_SRC = path.join(ROOT, 'test/fixtures/docx/src');

export interface RealDocxSpec {
  source: string;
  province: string;
  year: string;
  family: string;
  /** What the stored page shows and where it stops. */
  note: string;
  blocks: Block[];
}

export async function readSpec(name: string): Promise<RealDocxSpec> {
  return JSON.parse(
    await fs.readFile(path.join(REAL_DOCX_SRC, `${name}.json`), 'utf8'),
  ) as RealDocxSpec;
}

export async function specNames(): Promise<string[]> {
  return (await fs.readdir(REAL_DOCX_SRC))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export async function buildReal(name: string): Promise<Uint8Array> {
  return buildDocx((await readSpec(name)).blocks);
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(ROOT, 'test/fixtures/docx');
  for (const name of await specNames()) {
    await fs.writeFile(path.join(out, `${name}.docx`), await buildReal(name));
    console.log(`wrote ${name}.docx`);
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
