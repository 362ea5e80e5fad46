/**
 * The slice of the WPS 表格 (ET) object model the WPS host uses, typed here (WPS ships no
 * TypeScript types for ET). Every property read and method call is one synchronous cross-process
 * call into WPS, so the host reads whole ranges and counts on few calls. Coordinates are 1-based.
 * Facts relied on (see the README's WPS section): Value2/Formula of a multi-cell range are a
 * 0-based array of rows; NumberFormat and Text are null when the cells differ; Interior.Color is
 * a BGR long; ColorIndex -4142 (xlColorIndexNone) is "no fill".
 */
export type EtScalar = string | number | boolean | null | undefined;
/** One cell: a scalar; several: rows of scalars. */
export type EtGrid = EtScalar | EtScalar[][];

/** xlColorIndexNone / xlPatternNone: the cell has no fill. */
export const XL_NONE = -4142;
/** xlPatternSolid. */
export const XL_SOLID = 1;

export interface EtInterior {
  /** BGR: red in the low byte (0x0000FF is red). */
  Color: number;
  ColorIndex: number;
  Pattern: number;
  PatternColor: number;
  TintAndShade: number;
}

/** A cell's 批注 (WPS has one kind of comment: the legacy note). */
export interface EtComment {
  /** Called with no argument it returns the text. */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtCount {
  readonly Count: number;
}

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  Value2: EtGrid;
  Formula: EtGrid;
  /** null when the cells of the range have different formats. */
  NumberFormat: string | null;
  /** null when the cells of the range show different texts. */
  readonly Text: string | null;
  readonly Interior: EtInterior;
  readonly Font: { Bold: boolean };
  /** null when the cell has no comment. */
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  /** true: all merged, false: none, null: some. */
  readonly MergeCells: boolean | null;
  /** The merged area holding the (top-left) cell; the cell itself when it is not merged. */
  readonly MergeArea: EtRange;
  /** null when some cells are locked and some not. */
  Locked: boolean | null;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Select(): void;
  /** Used by the probe only (scripts/probe/wps). */
  Merge(): void;
}

export interface EtWorksheet {
  Name: string;
  readonly UsedRange: EtRange;
  readonly ProtectContents: boolean;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
  /** Used by the probe only (scripts/probe/wps). */
  Protect(): void;
  Unprotect(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name. */
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtXmlPart {
  readonly Id: string;
  readonly NamespaceURI: string;
  readonly XML: string;
  Delete(): void;
}

export interface EtXmlParts {
  readonly Count: number;
  Item(index: number): EtXmlPart;
  Add(xml: string): EtXmlPart;
  SelectByNamespace(namespaceUri: string): {
    readonly Count: number;
    Item(index: number): EtXmlPart;
  };
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  readonly CustomXMLParts: EtXmlParts;
}

/** Word-style custom undo records; WPS 表格 is not documented to have them, so optional. */
export interface EtUndoRecord {
  StartCustomRecord(name: string): void;
  EndCustomRecord(): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  /** Off while deleting a sheet, so WPS does not ask the user to confirm. */
  DisplayAlerts: boolean;
  readonly UndoRecord?: EtUndoRecord;
}
