import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowExportLtrRegular,
  CheckmarkCircleRegular,
  DocumentSearchRegular,
  EraserRegular,
  TableMultipleRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import * as React from 'react';

export type Busy = 'check' | 'checkAll' | 'fix' | 'clear' | 'export' | 'report' | null;

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ToolbarProps {
  busy: Busy;
  fixCount: number;
  canExport: boolean;
  /** A 校验 found a form: a 自评报告 can be checked against it. */
  canReport: boolean;
  onCheck(): void;
  onCheckAll(): void;
  onFixAll(): void;
  onClear(): void;
  onExport(): void;
  /** The .docx the user picked (read in the pane, never uploaded). */
  onReport(file: File): void;
}

/** Left and Right move focus to the previous or next enabled button of the group. */
function moveAcross(e: React.KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const buttons = [
    ...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
  ];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length].focus();
}

/** 校验, 全部工作表, 全部修正, 核对自评报告, 清除标记, 导出: every button is disabled while Excel is busy; they wrap at 320 px. */
export function Toolbar(p: ToolbarProps): React.JSX.Element {
  const styles = useStyles();
  const picker = React.useRef<HTMLInputElement>(null);
  const icon = (what: Busy, idle: React.JSX.Element) =>
    p.busy === what ? <Spinner size="tiny" /> : idle;
  return (
    // A plain group (no role="toolbar" promise); Left/Right still move between its buttons.
    <div className={styles.bar} role="group" aria-label="操作" onKeyDown={moveAcross}>
      <Button
        appearance="primary"
        onClick={p.onCheck}
        disabled={p.busy !== null}
        icon={icon('check', <CheckmarkCircleRegular />)}
      >
        {p.busy === 'check' ? '正在校验…' : '校验'}
      </Button>
      <Button
        onClick={p.onCheckAll}
        disabled={p.busy !== null}
        icon={icon('checkAll', <TableMultipleRegular />)}
        title="校验工作簿中每个工作表上的自评表"
      >
        全部工作表
      </Button>
      <Button
        onClick={p.onFixAll}
        disabled={p.busy !== null || p.fixCount === 0}
        icon={icon('fix', <WrenchRegular />)}
      >
        全部修正{p.fixCount > 0 ? `（${p.fixCount}）` : ''}
      </Button>
      <Button
        onClick={() => picker.current?.click()}
        disabled={p.busy !== null || !p.canReport}
        icon={icon('report', <DocumentSearchRegular />)}
        title="选择自评报告（.docx），在本窗格中读取（不上传），与刚校验的自评表核对"
      >
        {p.busy === 'report' ? '正在核对…' : '核对自评报告'}
      </Button>
      <input
        ref={picker}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        hidden
        aria-label="选择自评报告"
        data-testid="report-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // picking the same file again is a new pick
          if (file) p.onReport(file);
        }}
      />
      <Button
        onClick={p.onClear}
        disabled={p.busy !== null}
        icon={icon('clear', <EraserRegular />)}
      >
        清除标记
      </Button>
      <Button
        onClick={p.onExport}
        disabled={p.busy !== null || !p.canExport}
        icon={icon('export', <ArrowExportLtrRegular />)}
      >
        导出结果
      </Button>
    </div>
  );
}
