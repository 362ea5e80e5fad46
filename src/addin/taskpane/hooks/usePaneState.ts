import * as React from 'react';
import type { CheckOutcome, Gateway, ReportInput, SheetFix } from '../../core/gateway';
import { createOutcomeStore, type OutcomeStore } from '../../core/store';
import type { SeverityFilter } from '../components/FindingList';
import type { Busy } from '../components/Toolbar';
import { announce, type Message } from '../pane/paneMessages';
import { fixesOf, paneActions, type PaneActions } from './paneActions';
import type { Checked, PaneBase, Progress } from './paneBase';

export interface PaneState {
  outcome: CheckOutcome | null;
  checked: Checked | null;
  busy: Busy;
  message: Message;
  live: string;
  filter: SeverityFilter;
  setFilter(f: SeverityFilter): void;
  progress: Progress;
  /** 全部修正's list, while its dialog is open. */
  preview: SheetFix[] | null;
  closePreview(): void;
  storedProfile: string | null;
  /** 在表上框出读取区域. */
  outline: boolean;
  setOutline(on: boolean): void;
  fixes: SheetFix[];
  /** 取消 of a long read. */
  cancel(): void;
  base: PaneBase | null;
  /** Null outside Excel (no gateway). */
  actions: PaneActions | null;
}

/**
 * The pane's state: what the last 校验 found (in the store it shares with the ribbon's 校验) and
 * what the pane shows around it, with the actions that call the gateway.
 */
export function usePaneState(gateway: Gateway | null, given?: OutcomeStore): PaneState {
  const [own] = React.useState(() => createOutcomeStore());
  const store = given ?? own;
  const outcome = React.useSyncExternalStore(store.subscribe, store.get);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [message, setMessage] = React.useState<Message>(null);
  const [live, setLive] = React.useState('');
  const [filter, setFilter] = React.useState<SeverityFilter>('all');
  const [progress, setProgress] = React.useState<Progress>(null);
  const cancel = React.useRef(false);
  const [preview, setPreview] = React.useState<SheetFix[] | null>(null);
  const [report, setReport] = React.useState<ReportInput | null>(null);
  const [storedProfile, setStoredProfile] = React.useState<string | null>(null);
  const [outline, setOutline] = React.useState(false);

  // A ribbon 校验 lands in the store: say it like a pane 校验.
  React.useEffect(() => {
    if (outcome) setLive(announce(outcome));
    if (outcome?.kind === 'checked' && outcome.storedProfile !== undefined)
      setStoredProfile(outcome.storedProfile);
  }, [outcome]);

  const checked = outcome?.kind === 'checked' ? outcome : null;
  const base: PaneBase | null = gateway
    ? {
        gateway,
        store,
        checked,
        scope: checked?.scope ?? 'sheet',
        report,
        outline,
        cancel,
        setBusy,
        setMessage,
        setLive,
        setProgress,
        setPreview,
        setReport,
        setStoredProfile,
      }
    : null;
  const fixes = base ? fixesOf(base) : [];
  return {
    outcome,
    checked,
    busy,
    message,
    live,
    filter,
    setFilter,
    progress,
    preview,
    closePreview: () => setPreview(null),
    storedProfile,
    outline,
    setOutline,
    fixes,
    cancel: () => (cancel.current = true),
    base,
    actions: base ? paneActions(base, fixes, preview) : null,
  };
}
