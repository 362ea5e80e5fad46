import { openDocx as openWithin, readDocx as readWithin } from '../../src/adapters/docx/package';
import { Budget } from '../../src/adapters/xlsx/zip';

/** The CLI's default unzipped-size limit (20 MB × 20), as a test reads a .docx. */
const budget = () => new Budget(400 * 1024 * 1024, () => '文档解压后超过 400 MB 的解压大小限制。');

export const openDocx = (bytes: Uint8Array) => openWithin(bytes, budget());
export const readDocx = (bytes: Uint8Array) => readWithin(bytes, budget());
