/**
 * The slice of Office.js the adapter needs, so tests can hand in a fake. `run` is Excel.run;
 * `supports` is Office.context.requirements.isSetSupported('ExcelApi', version); `hasApi` says
 * whether the loaded office.js library has the objects at all (an old library under a new host
 * answers isSetSupported('ExcelApi', '1.18') with true and still has no Worksheet.notes).
 */
export interface ExcelHost {
  run<T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options?: { mergeUndoGroup?: boolean },
  ): Promise<T>;
  supports(version: string): boolean;
  hasApi(api: LibraryApi): boolean;
}

export type LibraryApi = 'notes' | 'comments' | 'mergedAreas' | 'undoGroup';

/** What this Excel can do: each needs the host's requirement set and the library's object. */
export interface Capabilities {
  /** Worksheet.notes (ExcelApi 1.18). */
  notes: boolean;
  /** Threaded comments, to leave their cells alone (ExcelApi 1.10). */
  comments: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  merges: boolean;
  /** Excel.run({ mergeUndoGroup }) (ExcelApi 1.20). */
  undoGroup: boolean;
}

/** The one place capabilities are decided. */
export function capabilitiesOf(host: ExcelHost): Capabilities {
  const both = (version: string, api: LibraryApi) => host.supports(version) && host.hasApi(api);
  return {
    notes: both('1.18', 'notes'),
    comments: both('1.10', 'comments'),
    merges: both('1.13', 'mergedAreas'),
    undoGroup: both('1.20', 'undoGroup'),
  };
}

/** The real host, inside Excel. */
export function officeHost(): ExcelHost {
  const lib = Excel as unknown as Record<
    string,
    { prototype?: Record<string, unknown> } | undefined
  >;
  const api: Record<LibraryApi, () => boolean> = {
    notes: () => typeof lib.NoteCollection === 'function',
    comments: () => typeof lib.CommentCollection === 'function',
    mergedAreas: () => typeof lib.Range?.prototype?.getMergedAreasOrNullObject === 'function',
    // mergeUndoGroup has no object of its own; a library that knows notes (1.18) is recent
    // enough, and the CDN build is always the current one.
    undoGroup: () => typeof lib.NoteCollection === 'function',
  };
  return {
    run: (batch, options) =>
      options?.mergeUndoGroup
        ? Excel.run({ mergeUndoGroup: true } as Excel.RunOptions, batch)
        : Excel.run(batch),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
    hasApi: (name) => api[name](),
  };
}
