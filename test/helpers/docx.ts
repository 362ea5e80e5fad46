import { openDocx as openWithin, readDocx as readWithin } from '../../src/adapters/docx/package';
import { limitsFor, unzipBudget } from '../../src/cli/limits';

/** A .docx as a test reads it: under the CLI's default unzipped-size limit. */
const budget = () => unzipBudget(limitsFor(), '文档');

export const openDocx = (bytes: Uint8Array) => openWithin(bytes, budget());
export const readDocx = (bytes: Uint8Array) => readWithin(bytes, budget());
