/** The pure engine: grid snapshots in, findings out. No host objects cross this line. */
export {
  checkForm,
  checkLocated,
  checkSheet,
  checkSheets,
  checkWorkbook,
  fixPlanOf,
  gradeOf,
  settleFixes,
} from './check';
export { FOLLOW_UP_RULE, type FixPlan, type PlannedFix } from './fixes/plan';
export { applyFixes } from './fixes/apply';
export { type CellWrite, fixWrite } from './fixes/write';
export type {
  CheckResult,
  CheckStatus,
  Coverage,
  Finding,
  Fix,
  Part,
  Reading,
  Severity,
  Summary,
} from './findings/types';
export { columnLetters, parseA1, toA1 } from './grid/address';
export type { CellRange, CellRef, GridSnapshot, RawValue } from './grid/types';
export { locateForms } from './locate/locateForm';
export { NATIONAL_PROFILE, withOverrides, type Profile } from './profile/profile';
export { PROFILES, profileById } from './profile/catalogue';
export { chooseProfile, familyOf, type ProfileRequest } from './profile/choose';
export { checkWorkbookChoosing } from './check';
export { explainResults, withExplanation } from './explain/apply';
export { parseExplanations, serializeExplanations } from './explain/xml';
export type { Explanation, ExplanationPart, FindingKey, StoredExplanation } from './explain/types';
export { CATALOGUE, RULES, ruleMeta } from './rules';
export type { RuleMeta } from './rules/rule';
export { CORRECTABLE_ROLES, correctReading, type ReadingCorrection } from './reading/correct';
export { type GivenLayout, type Layout, type LayoutRole, layoutFor } from './reading/layout';
