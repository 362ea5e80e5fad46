import type { Verdict } from '../../engine/findings/types';
import type { FileResult, FileStatus } from '../result';
import type { Totals } from './totals';

/** The output formats (`--format`): each is one module under src/cli/formatters. */
export type FormatName = 'text' | 'json' | 'csv' | 'xlsx' | 'html';
export const FORMAT_NAMES: FormatName[] = ['text', 'json', 'csv', 'xlsx', 'html'];

/** What a run prints and writes: the formats the worker renders each form for, and how. */
export interface Output {
  formats: FormatName[];
  /** ANSI colours in the text report (a terminal, NO_COLOR unset). */
  colour: boolean;
}

/** Where a format writes: stdout, or a file written atomically. */
export interface Sink {
  write(data: string | Uint8Array): unknown;
  /** The file written, when it is one (links in it are made relative to it). */
  readonly target?: string;
}

/** The run's metadata, given to every format at the end. */
export interface RunMeta {
  version: string;
  schemaVersion: string;
  started: Date;
  elapsedMs: number;
  /** The files and folders given on the command line. */
  inputs: string[];
  /** The --out folder, or null. */
  outDir: string | null;
  /** Annotated copies actually written to outDir. */
  copies: number;
  totals: Totals;
  quiet: boolean;
}

/** One format's writer for a run: a piece per form in input order, then the end. */
export interface FormatWriter {
  /** `copy`: the form's annotated copy (--out), or null. */
  add(piece: string, copy: string | null): Promise<void> | void;
  end(meta: RunMeta): Promise<void> | void;
  /** Frees what the writer keeps on disk (called after end, or instead of it). */
  dispose?(): Promise<void>;
}

export interface Formatter {
  name: FormatName;
  /** What a failed write names it: "CSV", "汇总工作簿". */
  label: string;
  /** A form's piece, made in the worker: the main thread only writes it (or keeps it). */
  piece(r: FileResult, out: Output): string;
  open(sink: Sink, options: { quiet: boolean; colour: boolean }): FormatWriter;
}

/** A form's result as the run writes it, made where the file is checked (a worker). */
export interface RenderedResult {
  file: string;
  status: FileStatus;
  errors: number;
  warnings: number;
  infos: number;
  verdict: Verdict | null;
  message: string | null;
  /** Each requested format's piece. */
  pieces: Partial<Record<FormatName, string>>;
}

export interface RenderedOutcome {
  results: RenderedResult[];
  copyError: string | null;
  /** Annotated copies written for this file. */
  copied?: number;
}
