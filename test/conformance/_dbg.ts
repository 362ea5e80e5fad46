import { bytesOf } from './compare';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import * as zip from '../../src/adapters/xlsx/zip';
const orig = zip.UnreadableFile;
for (const f of process.argv.slice(2)) {
  try { readXlsx(bytesOf(f), f, { maxUnzippedBytes: 1 << 28, unzippedSentence: () => 'big' }); console.log(f, 'ok'); }
  catch (e) { console.log(f, (e as Error).stack?.split('\n').slice(0, 6).join(' / ')); }
}
void orig;
