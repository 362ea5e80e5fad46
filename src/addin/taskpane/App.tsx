import { Title3 } from '@fluentui/react-components';
import * as React from 'react';
import type { Gateway } from '../core/gateway';
import type { OutcomeStore } from '../core/store';
import { Notice } from './components/Notice';
import { usePaneState } from './hooks/usePaneState';
import { PaneLayout } from './pane/PaneLayout';
import { usePaneStyles } from './pane/paneStyles';

/**
 * The task pane. It holds what the last 校验 found (usePaneState, in the store it shares with the
 * ribbon's 校验) and calls the gateway's functions; it never talks to Excel itself. `gateway` is
 * null outside Excel.
 */
export function App({
  gateway,
  store,
}: {
  gateway: Gateway | null;
  store?: OutcomeStore;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const state = usePaneState(gateway, store);
  if (!state.base) {
    return (
      <main className={styles.root}>
        <Title3 as="h1">自评表校验</Title3>
        <Notice
          intent="warning"
          title="请在 Excel 中打开"
          text="这是 Excel 加载项：请在 Excel（网页版或桌面版）中通过“开始 → 加载项”打开它，再点“校验”。"
        />
      </main>
    );
  }
  return <PaneLayout state={state} base={state.base} />;
}
