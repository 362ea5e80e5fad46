import type * as React from 'react';
import type { CheckOutcome, CheckScope, Gateway, ReportInput, SheetFix } from '../../core/gateway';
import type { OutcomeStore } from '../../core/store';
import type { Busy } from '../components/Toolbar';
import { announce, type Message, outcomeMessage } from '../pane/paneMessages';

export type Checked = Extract<CheckOutcome, { kind: 'checked' }>;
export type Progress = { sheet: string; rows: number; of: number } | null;
type Set<T> = React.Dispatch<React.SetStateAction<T>>;

/** What the pane's actions read and set: the gateway, the store and the pane's own state. */
export interface PaneBase {
  gateway: Gateway;
  store: OutcomeStore;
  checked: Checked | null;
  scope: CheckScope;
  /** The 自评报告 picked since the last 校验: 修正 re-checks it with the form. */
  report: ReportInput | null;
  /** 在表上框出读取区域: the next 校验 outlines the areas it read. */
  outline: boolean;
  cancel: React.MutableRefObject<boolean>;
  setBusy: Set<Busy>;
  setMessage: Set<Message>;
  setLive: Set<string>;
  setProgress: Set<Progress>;
  setPreview: Set<SheetFix[] | null>;
  setReport: Set<ReportInput | null>;
  setStoredProfile: Set<string | null>;
}

/** A finished 校验 goes to the store (the ribbon shares it), the live region and the message. */
export function show(b: PaneBase, o: CheckOutcome): void {
  b.store.set(o);
  b.setLive(announce(o));
  b.setMessage(outcomeMessage(o));
}

/** Runs one action with its button busy; the progress goes when it ends. */
export async function act(b: PaneBase, what: Busy, work: () => Promise<void>): Promise<void> {
  b.setBusy(what);
  try {
    await work();
  } finally {
    b.setBusy(null);
    b.setProgress(null);
  }
}
