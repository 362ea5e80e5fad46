import type { Layout } from '../engine/reading/layout';
import type { Output } from './formatters/format';
import type { Limits } from './limits';

/** One file to check, as sent to a worker. */
export interface Task {
  file: string;
  /** Where its annotated copy goes, or null without --out. */
  outPath: string | null;
  /** The --out folder: nothing is written outside it. */
  outRoot: string | null;
  limits: Limits;
  tolerance: string | null;
  /** The reading the user gave for every form (--layout), or null. */
  layout?: Layout | null;
  /** The profile asked for with --profile (an id `selfeval profiles` lists), or null. */
  profile?: string | null;
  /** The 自评报告 (.docx / .doc) to cross-check against the form, or null. */
  report: string | null;
  /** What the run prints: the worker formats its results for it. */
  output: Output;
}
