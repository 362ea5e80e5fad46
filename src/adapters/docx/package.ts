import type { Unzipped } from 'fflate';
import type { GridSnapshot } from '../../engine/grid/types';
import { Budget, CORRUPT, UnreadableFile, unzipWithin } from '../xlsx/zip';
import { type DocxDocument, openUnzipped, UnreadableDocx } from './document';

/**
 * A Word package in Node, unzipped by the same reader and under the same kind of budget as a
 * workbook (adapters/xlsx/zip.ts): an inflating bomb is stopped as it inflates. A damaged zip gets
 * the Word sentence.
 */
export function unzipDocx(bytes: Uint8Array, budget: Budget): Unzipped {
  try {
    return unzipWithin(bytes, budget) as Unzipped;
  } catch (e) {
    if (e instanceof UnreadableFile && e.message === CORRUPT)
      throw new UnreadableDocx('无法打开该文件：它不是有效的 .docx（zip）文件。');
    throw e;
  }
}

export function openDocx(bytes: Uint8Array, budget: Budget): DocxDocument {
  return openUnzipped(unzipDocx(bytes, budget));
}

/** The .docx as the engine reads it: one grid per table (表1, 表2, …) and the numbered narrative. */
export function readDocx(
  bytes: Uint8Array,
  budget: Budget,
): { sheets: GridSnapshot[]; paragraphs: { index: number; text: string }[] } {
  const d = openDocx(bytes, budget);
  return {
    sheets: d.tables.map((t) => t.sheet),
    paragraphs: d.paragraphs.map(({ index, text }) => ({ index, text })),
  };
}
