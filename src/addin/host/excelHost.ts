/**
 * The slice of Office.js the adapter needs, so tests can hand in a fake. `run` is Excel.run;
 * `supports` is Office.context.requirements.isSetSupported('ExcelApi', version).
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T>;
  supports(version: string): boolean;
}

/** Feature detection, once per gateway: notes 1.18, merged areas 1.13, one undo step 1.20. */
export interface Capabilities {
  notes: boolean;
  merges: boolean;
  undoGroup: boolean;
}

export function capabilitiesOf(host: ExcelHost): Capabilities {
  return { notes: host.supports('1.18'), merges: host.supports('1.13'), undoGroup: host.supports('1.20') };
}

/** The real host, inside Excel. */
export function officeHost(): ExcelHost {
  return {
    run: (batch, options) =>
      options?.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true } as Excel.RunOptions, batch) : Excel.run(batch),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
}
