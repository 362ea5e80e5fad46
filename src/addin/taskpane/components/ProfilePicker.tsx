import { Field, Select } from '@fluentui/react-components';
import * as React from 'react';
import type { ProfileUsed } from '../../../engine/findings/types';

/** The automatic choice (the workbook stores none): the form's family, else national. */
const AUTO = '';

/**
 * Which profile the workbook is checked under (RULES §7.3): stored in the workbook (custom XML,
 * src/addin/host/customXml.ts storeProfileChoice) when the user picks one; the automatic choice
 * otherwise. Under it, what the last check used and why.
 */
export function ProfilePicker(p: {
  profiles: readonly { id: string; name: string }[];
  /** The choice stored in the workbook, or null for the automatic one. */
  stored: string | null;
  /** What the last check used, and why. */
  used: ProfileUsed | null;
  disabled?: boolean;
  onPick(id: string | null): void;
}): React.JSX.Element {
  return (
    // minWidth 0 and a full-width select: a long profile name must not widen a 320 px pane.
    <Field
      style={{ minWidth: 0 }}
      label="评分口径"
      hint={p.used ? `本次按“${p.used.name}”校验（${p.used.why}）。` : undefined}
    >
      <Select
        data-testid="profile"
        style={{ minWidth: 0, maxWidth: '100%' }}
        select={{ style: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } }}
        value={p.stored ?? AUTO}
        disabled={p.disabled}
        onChange={(_e, d) => p.onPick(d.value === AUTO ? null : d.value)}
      >
        <option value={AUTO}>自动（按表式，默认全国通用）</option>
        {p.profiles.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
