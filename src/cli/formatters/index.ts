/**
 * The output formats as one registry (issue 23 item 4): `--format NAME` writes NAME to stdout,
 * `--csv / --xlsx / --html FILE` write that format to a file. A new format is one module here.
 */
import { csvFormat } from './csv';
import type { FormatName, Formatter } from './format';
import { htmlFormat } from './html';
import { jsonFormat } from './json';
import { textFormat } from './text';
import { xlsxFormat } from './xlsx';

export const FORMATS: Record<FormatName, Formatter> = {
  text: textFormat,
  json: jsonFormat,
  csv: csvFormat,
  xlsx: xlsxFormat,
  html: htmlFormat,
};
