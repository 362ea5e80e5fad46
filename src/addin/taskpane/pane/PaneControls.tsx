import * as React from 'react';
import { PROFILES } from '../../../engine/profile/catalogue';
import { ProfilePicker } from '../components/ProfilePicker';
import { Toolbar } from '../components/Toolbar';
import type { PaneBase } from '../hooks/paneBase';
import type { PaneState } from '../hooks/usePaneState';
import { OutlineToggle } from './PaneParts';

/** The buttons, 在表上框出读取区域 and the profile choice. */
export function PaneControls({
  state,
  base,
}: {
  state: PaneState;
  base: PaneBase;
}): React.JSX.Element {
  const { checked, busy } = state;
  const actions = state.actions!;
  return (
    <>
      <Toolbar
        busy={busy}
        fixCount={state.fixes.length}
        canExport={!!checked}
        canReport={!!checked}
        onCheck={actions.onCheck}
        onCheckAll={actions.onCheckAll}
        onFixAll={actions.onFixAll}
        onClear={actions.onClear}
        onExport={actions.onExport}
        onReport={actions.onReport}
      />
      {base.gateway.canOutline && (
        <OutlineToggle
          checked={state.outline}
          disabled={busy !== null}
          onChange={state.setOutline}
        />
      )}
      {base.gateway.setProfile && (
        <ProfilePicker
          profiles={PROFILES}
          stored={state.storedProfile}
          used={checked?.forms[0]?.profile ?? null}
          disabled={busy !== null}
          onPick={(id) => void actions.onPickProfile(id)}
        />
      )}
    </>
  );
}
