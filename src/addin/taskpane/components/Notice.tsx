import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';

/** A one-sentence state: no form found, Excel refused, cleared, … */
export function Notice({ intent, title, text }: { intent: 'error' | 'warning' | 'info' | 'success'; title: string; text: string }): React.JSX.Element {
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
