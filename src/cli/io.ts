/** Where a command writes: stdout and stderr, and what they are. */
export interface Io {
  /** Writes to stdout; may return a promise (back-pressure) and throws an OutputError when stdout is gone. */
  stdout(text: string | Uint8Array): unknown;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress redraws one line there). */
  stderrIsTTY: boolean;
  /** Whether stdout is the same terminal (the progress line is cleared before the report is written). */
  stdoutIsTTY?: boolean;
  /** Resolves once everything written reached stdout; throws an OutputError if it did not. */
  flush?(): Promise<void>;
}
