import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';

/** A one-sentence state: no form found, Excel refused, cleared, … Always wraps: a pane is narrow. */
export function Notice({
  intent,
  title,
  text,
}: {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  text: string;
}): React.JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
