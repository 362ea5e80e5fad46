import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Text,
  Textarea,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../../../engine/findings/types';

/** 审核说明 are short: a sentence or two for the bureau, not the report. */
export const MAX_EXPLANATION = 500;

/**
 * 说明… beside a warning or an info (RULES §7.1): a short text saved in the workbook. An error
 * gets no button: arithmetic that does not hold is corrected, not explained. The pane saves the
 * text through onSave (src/addin/host/customXml.ts addExplanation) and checks again.
 */
export function ExplainDialog(p: {
  finding: Finding;
  disabled?: boolean;
  onSave(text: string): Promise<void> | void;
}): React.JSX.Element | null {
  const existing = p.finding.explanation;
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState(existing?.text ?? '');
  const [saving, setSaving] = React.useState(false);
  const [failed, setFailed] = React.useState<string | null>(null);
  if (p.finding.severity === 'error' || !p.finding.key) return null;
  const trimmed = text.trim();
  const save = async () => {
    setSaving(true);
    setFailed(null);
    try {
      await p.onSave(trimmed);
      setOpen(false);
    } catch (e) {
      setFailed(`未能保存：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (d.open) setText(existing?.text ?? '');
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" disabled={p.disabled} data-testid="explain">
          {existing ? (existing.outdated ? '重新说明…' : '修改说明…') : '说明…'}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>审核说明</DialogTitle>
          <DialogContent>
            <Text block>{p.finding.message}</Text>
            {existing?.outdated && (
              <Text block data-testid="explain-outdated">
                已过期：写说明之后数值有变化，原说明“{existing.text}”不再采用。
              </Text>
            )}
            <Field
              label="说明（保存在工作簿中，随文件报送）"
              validationMessage={failed ?? undefined}
              hint={`${trimmed.length} / ${MAX_EXPLANATION} 字`}
            >
              <Textarea
                data-testid="explain-text"
                value={text}
                maxLength={MAX_EXPLANATION}
                onChange={(_e, d) => setText(d.value)}
                resize="vertical"
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">取消</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              data-testid="explain-save"
              disabled={trimmed === '' || saving}
              onClick={() => void save()}
            >
              保存
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
