/**
 * Browser entry for the WPS end-to-end test: the fake ET model from the injected book, offered as
 * WPS offers it (window.Application), with the host calls the ribbon uses recorded.
 */
import { createFakeEt, type EtBook } from '../fakes/et/fakeEt';

const w = window as unknown as {
  __selfevalBook?: EtBook;
  __selfevalEt?: unknown;
  __wpsCalls?: { method: string; args: unknown[] }[];
  Application?: unknown;
};
if (w.__selfevalBook) {
  const et = createFakeEt(w.__selfevalBook);
  const calls: { method: string; args: unknown[] }[] = [];
  const storage = new Map<string, unknown>();
  const panes = new Map<number, { ID: number; Visible: boolean }>();
  Object.assign(et.app, {
    ShowDialog: (...args: unknown[]) => void calls.push({ method: 'ShowDialog', args }),
    CreateTaskPane: (...args: unknown[]) => {
      calls.push({ method: 'CreateTaskPane', args });
      const pane = { ID: panes.size + 1, Visible: false };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.get(Number(id)) ?? null,
    PluginStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: unknown) => void storage.set(k, v),
    },
  });
  w.__selfevalEt = et;
  w.__wpsCalls = calls;
  w.Application = et.app;
}
