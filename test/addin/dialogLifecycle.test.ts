import {
  type CommandDeps,
  DIALOG_TIMEOUT_MS,
  type DialogLike,
  runCheckCommand,
} from '../../src/addin/commands/lifecycle';
import type { CheckOutcome } from '../../src/addin/core/gateway';
import { createOutcomeStore } from '../../src/addin/core/store';

/**
 * A fake of Office's dialog API as the docs describe it: displayDialogAsync calls back with a
 * Dialog; the page's messageParent arrives as DialogMessageReceived; the user's × as
 * DialogEventReceived (12006). Timers are manual, so the timeout is tested without waiting.
 */
const SUCCEEDED = 'succeeded';
const MESSAGE = 'DialogMessageReceived';
const EVENT = 'DialogEventReceived';

function fakeUi(opts: { fail?: boolean } = {}) {
  const handlers = new Map<unknown, (arg: unknown) => void>();
  const state = { opened: 0, closed: 0, url: '' };
  const dialog: DialogLike = {
    addEventHandler: (type, h) => handlers.set(type, h),
    close: () => {
      state.closed++;
    },
  };
  const timers: { f: () => void; ms: number; cleared: boolean }[] = [];
  return {
    state,
    timers,
    fire: (type: unknown, arg: unknown = {}) => handlers.get(type)?.(arg),
    ui: {
      displayDialogAsync: (url: string, _o: unknown, cb: (r: never) => void) => {
        state.url = url;
        state.opened++;
        setTimeout(() =>
          cb(
            (opts.fail
              ? { status: 'failed', error: { code: 12007 } }
              : { status: SUCCEEDED, value: dialog }) as never,
          ),
        );
      },
    },
  };
}

const outcome: CheckOutcome = { kind: 'not-a-form', message: '没有找到表。' };
const tick = () => new Promise((r) => setTimeout(r, 5));

function deps(f: ReturnType<typeof fakeUi>, extra: Partial<CommandDeps> = {}): CommandDeps {
  return {
    check: async () => outcome,
    ui: f.ui,
    succeeded: SUCCEEDED,
    messageEvent: MESSAGE,
    closedEvent: EVENT,
    baseUrl: 'https://x/',
    setTimer: (fn, ms) => {
      const t = { f: fn, ms, cleared: false };
      f.timers.push(t);
      return t;
    },
    clearTimer: (t) => ((t as { cleared: boolean }).cleared = true),
    ...extra,
  };
}

test('completed() waits while the dialog is open and runs when its 关闭 reports closing', async () => {
  const f = fakeUi();
  const event = { completed: jest.fn() };
  const done = runCheckCommand(deps(f), event);
  await tick();
  expect(f.state.opened).toBe(1);
  expect(f.state.url).toContain('result.html?');
  expect(event.completed).not.toHaveBeenCalled();
  await tick();
  expect(event.completed).not.toHaveBeenCalled(); // still open: the runtime must stay
  f.fire(MESSAGE, { message: 'close' });
  await done;
  expect(f.state.closed).toBe(1);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(f.timers[0].cleared).toBe(true);
});

test('the user closing the dialog (×, 12006) completes without closing it again', async () => {
  const f = fakeUi();
  const event = { completed: jest.fn() };
  const done = runCheckCommand(deps(f), event);
  await tick();
  f.fire(EVENT, { error: 12006 });
  await done;
  expect(f.state.closed).toBe(0);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test('a dialog nobody closes is closed on its own timeout, under 5 minutes, and completed() runs once', async () => {
  const f = fakeUi();
  const event = { completed: jest.fn() };
  const done = runCheckCommand(deps(f), event);
  await tick();
  expect(f.timers).toHaveLength(1);
  expect(f.timers[0].ms).toBe(DIALOG_TIMEOUT_MS);
  expect(DIALOG_TIMEOUT_MS).toBeLessThan(5 * 60 * 1000);
  f.timers[0].f();
  f.fire(MESSAGE); // late: ignored
  await done;
  expect(f.state.closed).toBe(1);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test('a dialog that cannot open, or a check that throws, still completes', async () => {
  const f = fakeUi({ fail: true });
  const e1 = { completed: jest.fn() };
  await runCheckCommand(deps(f), e1);
  expect(e1.completed).toHaveBeenCalledTimes(1);
  const e2 = { completed: jest.fn() };
  await runCheckCommand(
    deps(fakeUi(), {
      check: async () => {
        throw new Error('x');
      },
    }),
    e2,
  );
  expect(e2.completed).toHaveBeenCalledTimes(1);
});

test('the ribbon 校验 publishes to the shared store the pane reads', async () => {
  const f = fakeUi();
  const store = createOutcomeStore();
  const seen: (CheckOutcome | null)[] = [];
  store.subscribe(() => seen.push(store.get()));
  const done = runCheckCommand(deps(f, { publish: (o) => store.set(o) }), { completed() {} });
  await tick();
  expect(store.get()).toBe(outcome);
  f.fire(MESSAGE);
  await done;
  expect(seen).toEqual([outcome]);
});
