import type { Verdict } from '../../engine/findings/types';
import type { FileStatus } from '../result';

/** What the totals line counts of one form (or of one file that holds none). */
export interface Counted {
  status: FileStatus;
  errors: number;
  warnings: number;
  infos: number;
  verdict: Verdict | null;
}

/** The run's totals (issue 23 item 1), added up as the results are written. */
export class Totals {
  files = 0;
  forms = 0;
  checked = 0;
  notAForm = 0;
  unreadable = 0;
  errors = 0;
  warnings = 0;
  infos = 0;
  verdicts: Record<Verdict, number> = { 需修改: 0, 需说明: 0, 可报送: 0 };
  private readonly seen = new Set<string>();

  add(file: string, r: Counted): void {
    if (!this.seen.has(file)) {
      this.seen.add(file);
      this.files++;
    }
    if (r.status === 'checked') {
      this.forms++;
      this.checked++;
    } else if (r.status === 'not-a-form') this.notAForm++;
    else this.unreadable++;
    this.errors += r.errors;
    this.warnings += r.warnings;
    this.infos += r.infos;
    if (r.verdict) this.verdicts[r.verdict]++;
  }

  /** One sentence: files, forms, checked / no form / unreadable, findings by severity, verdicts, time. */
  line(elapsedMs: number): string {
    const v = this.verdicts;
    const partial = this.checked - v.需修改 - v.需说明 - v.可报送;
    return (
      `合计：${this.files} 个文件，${this.forms} 张自评表；已校验 ${this.checked}，未找到自评表 ${this.notAForm}，无法读取 ${this.unreadable}；` +
      `错误 ${this.errors}，警告 ${this.warnings}，提示 ${this.infos}；` +
      `需修改 ${v.需修改}，需说明 ${v.需说明}，可报送 ${v.可报送}${partial ? `，只读到一部分（无结论）${partial}` : ''}；用时 ${seconds(elapsedMs)}。`
    );
  }
}

/** "0.8 秒", "12 秒", "3 分 05 秒". */
export function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} 秒`;
  if (s < 60) return `${Math.round(s)} 秒`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} 分 ${String(whole % 60).padStart(2, '0')} 秒`;
}
