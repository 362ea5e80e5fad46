import { limitsOf } from '../../profile/limits';
import { type Parsed, parseAmount } from '../../values/amount';
import { Dec, plain, sum } from '../../values/decimal';
import { defineRule, type RuleContext } from '../rule';

function statedTotalWeight(form: RuleContext['form'], profile: RuleContext['profile']): { parsed: Parsed<Dec>; value: Dec } | null {
  if (!form.total) return null;
  const cell = form.total.weightCell;
  const parsed: Parsed<Dec> = cell ? parseAmount(form.sheet.cell(cell.row, cell.col).raw) : { kind: 'blank' };
  return { parsed, value: parsed.kind === 'value' ? parsed.value : new Dec(profile.defaultTotalWeight) };
}

/**
 * The stated scores are a safe total only when the weights add up and every scored row states
 * its score: with a score still blank, the total is not known yet.
 */
function totalIsKnown(form: RuleContext['form'], assessment: RuleContext['assessment'], profile: RuleContext['profile']): boolean {
  const allStated = assessment.scored.every((i) => i.score.kind === 'value') && assessment.execution.every((e) => !e.inSum || e.stated.kind === 'value');
  return allStated && weightsAddUp(form, assessment, profile);
}

function weightsAddUp(form: RuleContext['form'], assessment: RuleContext['assessment'], profile: RuleContext['profile']): boolean {
  const stated = statedTotalWeight(form, profile);
  return assessment.weightKnown && stated !== null && assessment.weightSum.minus(stated.value).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance);
}

/** RULES §4.1: Σ 分值 = the 总分 row's 分值 (100 when blank). */
export const totalWeightSum = defineRule(
  { id: 'total.weight-sum-mismatch', title: '分值合计与总分不符', severity: 'error', part: 'total' },
  ({ form, assessment, profile }) => {
    const total = form.total;
    const weight = statedTotalWeight(form, profile);
    if (!total || !weight || !assessment.weightKnown) return [];
    const { parsed, value: stated } = weight;
    const actual = assessment.weightSum;
    if (actual.minus(stated).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) return [];
    const execWeights = assessment.execution.filter((e) => e.inSum).map((e) => e.weight);
    const exec = execWeights.length ? `执行率 ${plain(sum(execWeights))} + ` : '';
    const ind = sum(assessment.scored.flatMap((i) => (i.weight ? [i.weight] : [])));
    return [{
      cells: [total.weightCell ?? total.scoreCell],
      message: `各项分值之和为 ${plain(actual)}（${exec}绩效指标 ${plain(ind)}），总分分值${parsed.kind === 'value' ? `为 ${plain(stated)}` : `未填，按 ${plain(stated)} 计`}，相差 ${plain(actual.minus(stated).abs())}。`,
      expected: plain(stated),
      actual: plain(actual),
    }];
  },
);

/** RULES §4.2: Σ 得分 = the 总分 row's 得分. */
export const totalScoreSum = defineRule(
  { id: 'total.score-sum-mismatch', title: '得分合计与总分不符', severity: 'error', part: 'total' },
  ({ form, assessment, profile }) => {
    const total = form.total;
    if (!total) return [];
    const parsed = parseAmount(form.sheet.cell(total.scoreCell.row, total.scoreCell.col).raw);
    if (parsed.kind !== 'value') return [];
    const actual = assessment.statedScoreSum;
    if (actual.minus(parsed.value).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) return [];
    const execScores = assessment.execution.filter((e) => e.inSum).flatMap((e) => (e.stated.kind === 'value' ? [e.stated.value] : []));
    const exec = execScores.length ? `执行率 ${plain(sum(execScores))} + ` : '';
    const ind = actual.minus(sum(execScores));
    return [{
      cells: [total.scoreCell],
      message: `各项得分之和为 ${plain(actual)}（${exec}绩效指标 ${plain(ind)}），总分得分填 ${plain(parsed.value, 4)}，相差 ${plain(actual.minus(parsed.value).abs())}。`,
      expected: plain(actual),
      actual: plain(parsed.value, 4),
      fix: totalIsKnown(form, assessment, profile) ? { cell: total.scoreCell, value: plain(actual) } : null,
    }];
  },
);

export const totalScoreBlank = defineRule(
  { id: 'total.score-blank', title: '总分得分未填', severity: 'warning', part: 'total' },
  ({ form, assessment, profile }) => {
    const total = form.total;
    if (!total) return [];
    const parsed = parseAmount(form.sheet.cell(total.scoreCell.row, total.scoreCell.col).raw);
    if (parsed.kind !== 'blank') return [];
    const actual = assessment.statedScoreSum;
    return [{
      cells: [total.scoreCell],
      message: `总分得分未填写，各项得分之和为 ${plain(actual)}。`,
      expected: plain(actual),
      actual: '',
      fix: totalIsKnown(form, assessment, profile) ? { cell: total.scoreCell, value: plain(actual) } : null,
    }];
  },
);

export const totalMissing = defineRule(
  { id: 'total.missing', title: '未找到总分行', severity: 'info', part: 'total' },
  ({ form, assessment }) =>
    form.indicators && !form.total
      ? [{
          cells: [{ row: form.indicators.headerRow, col: form.indicators.columns.weight ?? form.indicators.columns.score }],
          message: `未找到“总分”行，无法核对总分；各项分值之和为 ${plain(assessment.weightSum)}，得分之和为 ${plain(assessment.statedScoreSum)}。`,
        }]
      : [],
);
