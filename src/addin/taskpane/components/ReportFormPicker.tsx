import { Field, Select } from '@fluentui/react-components';
import * as React from 'react';

/**
 * Which form the 自评报告 belongs to, when the workbook holds several: the pane chose one from the
 * report's title (or could not); the user can name another, and the report is checked again.
 */
export function ReportFormPicker(p: {
  /** The checked forms, as the pane names them, in their order. */
  forms: string[];
  /** The form the report was checked against, or null when none could be chosen. */
  current: number | null;
  disabled: boolean;
  onPick(index: number): void;
}): React.JSX.Element {
  return (
    <Field
      label="自评报告对应的表"
      hint={p.current === null ? '无法从报告标题确定，请选择一张表。' : undefined}
    >
      <Select
        data-testid="report-form"
        value={p.current === null ? '' : String(p.current)}
        disabled={p.disabled}
        onChange={(_e, d) => (d.value === '' ? undefined : p.onPick(Number(d.value)))}
      >
        {p.current === null && <option value="">（请选择）</option>}
        {p.forms.map((name, i) => (
          <option key={`${i}-${name}`} value={String(i)}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
