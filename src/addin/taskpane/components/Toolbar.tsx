import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';

export type Busy = 'check' | 'fix' | 'clear' | 'export' | null;

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ToolbarProps {
  busy: Busy;
  fixCount: number;
  canExport: boolean;
  onCheck(): void;
  onFixAll(): void;
  onClear(): void;
  onExport(): void;
}

/** 校验, 全部修正, 清除标记, 导出: every button is disabled while Excel is busy. */
export function Toolbar(p: ToolbarProps): React.JSX.Element {
  const styles = useStyles();
  const spin = (what: Busy) => (p.busy === what ? <Spinner size="tiny" /> : undefined);
  return (
    <div className={styles.bar} role="toolbar" aria-label="操作">
      <Button appearance="primary" onClick={p.onCheck} disabled={p.busy !== null} icon={spin('check')}>
        {p.busy === 'check' ? '正在校验…' : '校验'}
      </Button>
      <Button onClick={p.onFixAll} disabled={p.busy !== null || p.fixCount === 0} icon={spin('fix')}>
        全部修正{p.fixCount > 0 ? `（${p.fixCount}）` : ''}
      </Button>
      <Button onClick={p.onClear} disabled={p.busy !== null} icon={spin('clear')}>
        清除标记
      </Button>
      <Button onClick={p.onExport} disabled={p.busy !== null || !p.canExport} icon={spin('export')}>
        导出结果
      </Button>
    </div>
  );
}
