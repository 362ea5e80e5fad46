import type { CheckOutcome } from './gateway';

/**
 * What the last 校验 found, shared by the ribbon and the pane: with the shared runtime both run in
 * one page, so a ribbon 校验 publishes here and an open pane (or one opened later) shows it.
 */
export interface OutcomeStore {
  get(): CheckOutcome | null;
  set(o: CheckOutcome | null): void;
  subscribe(listener: () => void): () => void;
}

export function createOutcomeStore(initial: CheckOutcome | null = null): OutcomeStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(o) {
      current = o;
      for (const l of [...listeners]) l();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
