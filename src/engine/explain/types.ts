import type { Layout } from '../reading/layout';
/**
 * 审核说明 (RULES §7.1): what ties an explanation to a finding, and what a result shows of it.
 * A finding is found again by its rule, sheet and the row's labels (rows move, labels stay);
 * the values it was made on tell whether the explanation still answers it.
 */
export interface FindingKey {
  rule: string;
  sheet: string;
  /** The row's label path and the column's role: ["资金来源", "合计", "exec"], ["产出指标", "数量指标", "培训场次", "score"]. */
  labels: string[];
  /** The figures the finding was made on (its expected and actual values, the numbers of its message). */
  values: string[];
}

/** One explanation as the workbook stores it (urn:selfeval:explanations:1). */
export interface StoredExplanation extends FindingKey {
  text: string;
  /** Who wrote it, when the host says (Office's user name); null otherwise. */
  by: string | null;
  /** When, ISO 8601. */
  at: string;
  /** Where the finding was when it was explained (for people reading the XML; never matched on). */
  cell: string | null;
}

/** What a finding shows of its explanation: outdated when its values changed (shown, not applied). */
export interface Explanation {
  text: string;
  by: string | null;
  at: string;
  outdated: boolean;
}

/**
 * The workbook's part: its explanations, the profile chosen for it, and the readings the user
 * corrected (issue 18 item 5), one per sheet, used by every later check of the workbook.
 */
export interface ExplanationPart {
  profile: string | null;
  explanations: StoredExplanation[];
  readings?: Layout[];
}

export const EXPLANATIONS_NAMESPACE = 'urn:selfeval:explanations:1';
