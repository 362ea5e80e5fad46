import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';

/**
 * A one-sentence state: no form found, Excel refused, cleared, … Always wraps: a pane is narrow.
 * Excel's own code and message, when there is one, sit behind 详细信息 (for support, not the officer).
 */
export function Notice({
  intent,
  title,
  text,
  detail,
}: {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  text: string;
  detail?: string;
}): React.JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
        {detail && (
          <details>
            <summary>详细信息</summary>
            <code>{detail}</code>
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
