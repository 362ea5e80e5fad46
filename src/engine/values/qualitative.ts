import { labelText } from './text';

/** The three outcomes of 财预〔2020〕10号 for a qualitative indicator. */
export type Outcome = 'achieved' | 'partial' | 'missed';

// The double negative first: 未超预算范围 / 不超预算 / 没有超出 are achievements.
const DOUBLE_NEGATIVE = /(?:未|不|没有|没|无)(?:超出|超过|超)/g;
const PARTIAL =
  /部分达成|部分完成|部分实现|部分达到|部分建立|基本完成|基本达成|基本实现|基本达到|基本满意|基本建立|基本健全|基本形成|基本到位|基本落实|大部分完成|大部分达成/;
const MISSED =
  /未完成|未达成|未达到|未实现|未按时|未按期|未及时|未达标|不达标|没有完成|没完成|未能|不及时|超出预算|超预算|超支|效果较差|效果不明显|较差|不满意|滞后|延期|未开展|未落实|未建立|未制定|未出台|未健全|未形成|未到位|未通过|未验收|未启动|未实施|尚未/;
const NO = /^(?:否|不是|无|没有)$/;

export function classifyOutcome(text: string): Outcome {
  const t = labelText(text).replace(DOUBLE_NEGATIVE, '');
  if (NO.test(t)) return 'missed';
  if (PARTIAL.test(t)) return 'partial';
  if (MISSED.test(t)) return 'missed';
  return 'achieved';
}

export const OUTCOME_NAME: Record<Outcome, string> = {
  achieved: '达成',
  partial: '部分达成',
  missed: '未达成',
};
