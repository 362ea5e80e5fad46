import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import type { SheetFix } from '../../core/gateway';
import { usePaneStyles } from './paneStyles';

function seenText(f: SheetFix): string {
  return f.seen === undefined || f.seen === null || String(f.seen).trim() === ''
    ? '空'
    : String(f.seen);
}

/** 全部修正 asks once: every cell it will write, what it holds and what it gets. */
export function FixPreview(p: {
  preview: SheetFix[] | null;
  /** Several forms: cells are named with their sheet. */
  several: boolean;
  onClose(): void;
  onConfirm(): void;
}): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <Dialog open={p.preview !== null} onOpenChange={(_e, d) => (d.open ? null : p.onClose())}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>全部修正：将写入 {p.preview?.length ?? 0} 个单元格</DialogTitle>
          <DialogContent>
            <table className={styles.table} data-testid="fix-preview">
              <thead>
                <tr>
                  <th scope="col">单元格</th>
                  <th scope="col">原值</th>
                  <th scope="col">新值</th>
                </tr>
              </thead>
              <tbody>
                {(p.preview ?? []).map((f) => (
                  <tr key={`${f.sheet}!${f.cell}`}>
                    <td>{p.several ? `${f.sheet}!${f.cell}` : f.cell}</td>
                    <td>{seenText(f)}</td>
                    <td>{f.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Text block size={200}>
              校验之后被改过的单元格不会被覆盖，会在修正后列出。
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={p.onClose}>
              取消
            </Button>
            <Button appearance="primary" onClick={p.onConfirm}>
              确认修正
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
