import * as path from 'path';
import { existsSync } from 'fs';
import { workerFlags } from './workerFlags';
import type { ChildProcess } from 'child_process';
import { failed } from './result';
import type { Task } from './task';
import { renderOutcome } from './formatters/rendered';
import { type RenderedOutcome } from './formatters/format';
import { type Limits, limitSentence } from './limits';

/**
 * Checks files: each in a worker under the time and memory limits, results in any order,
 * formatted as the task's output asks.
 */
export interface Checker {
  run(task: Task): Promise<RenderedOutcome>;
  close(): Promise<void>;
}

const WORKER = path.join(__dirname, 'worker.js');

/**
 * The worker pool, or, when running from TypeScript sources (the in-process tests), the same
 * checks inline: the limits on time and memory then do not apply.
 */
export function createChecker(jobs: number, limits: Limits): Checker {
  if (!existsSync(WORKER)) {
    const { checkTask } = require('./checkTask') as typeof import('./checkTask');
    return {
      run: async (task) => renderOutcome(await checkTask(task), task.output),
      close: async () => {},
    };
  }
  return new Pool(jobs, limits);
}

/**
 * For a batch of one file: a small workbook that is cheap to check is checked in this process
 * (no worker to start: src/cli/inline.ts says when that is safe), anything else by a pool of one.
 */
export function createLoneChecker(limits: Limits): Checker {
  let pool: Checker | null = null;
  return {
    run: async (task) => {
      // Loaded here: a run that needs no in-process check never loads the engine.
      const { checkTaskInline } = require('./inline') as typeof import('./inline');
      const inline = checkTaskInline(task);
      if (inline) return renderOutcome(inline, task.output);
      return (pool ??= createChecker(1, limits)).run(task);
    },
    close: async () => {
      await pool?.close();
    },
  };
}

/** Tasks a worker holds at once: the one it checks and the next, so it never waits for this thread. */
export const DEPTH = 2;

interface Job {
  task: Task;
  resolve: (r: RenderedOutcome) => void;
}

interface Slot {
  worker: ChildProcess | null;
  /** In the order the worker takes them: the first is the one being checked. */
  jobs: Job[];
  timer: ReturnType<typeof setTimeout> | null;
}

const INTERNAL = '校验时出现内部错误（检查进程意外退出）。请把该文件反馈给开发者。';

class Pool implements Checker {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];

  /** The V8 flags of every worker of this pool (workerFlags.ts). */
  private readonly flags: string[];

  constructor(
    size: number,
    private readonly limits: Limits,
  ) {
    this.flags = workerFlags(size, limits.memoryMb);
    // Started at once: loading the engine in each worker overlaps the search for files.
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const slot: Slot = { worker: null, jobs: [], timer: null };
      slot.worker = this.spawn(slot);
      return slot;
    });
  }

  /**
   * A worker is a child process, not a thread: a native abort (V8's fatal out-of-memory, an
   * invalid array size) ends that process only, and the pool turns it into that file's sentence.
   */
  private spawn(slot: Slot): ChildProcess {
    // Loaded here, not on start: a run whose files need no worker starts none.
    const { fork } = require('child_process') as typeof import('child_process');
    const worker = fork(WORKER, [], {
      execArgv: this.flags,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    // Events of a worker already replaced (its exit after kill) are not this slot's.
    const mine = () => slot.worker === worker;
    let tail = '';
    worker.stderr?.setEncoding('utf8');
    worker.stderr?.on('data', (t: string) => {
      tail = (tail + t).slice(-4096);
    });
    (worker.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    worker.on('message', (r: RenderedOutcome | { ready: true }) => {
      if (!mine()) return;
      // Loaded: the file it holds gets its whole time limit from now, not from the spawn (a
      // slow start on a busy machine must not eat the time a conversion is given).
      if ('ready' in r) this.startTimer(slot);
      else this.finish(slot, r);
    });
    worker.on('error', () => {
      if (mine()) this.fail(slot, INTERNAL);
    });
    worker.on('exit', () => {
      if (!mine()) return;
      // V8 says why it aborted on stderr: out of memory is the memory limit's sentence.
      const memory = /out of memory|invalid (?:size|array length)|allocation failed/i.test(tail);
      this.fail(slot, memory ? limitSentence.memory(this.limits) : INTERNAL);
    });
    this.unref(worker);
    return worker;
  }

  private unref(w: ChildProcess | null): void {
    w?.unref();
    (w?.channel as { unref?: () => void } | null | undefined)?.unref?.();
  }

  private ref(w: ChildProcess | null): void {
    w?.ref();
    (w?.channel as { ref?: () => void } | null | undefined)?.ref?.();
  }

  /** The time limit runs for the file being checked: from when the worker could start it. */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.jobs.length === 0) {
      this.unref(slot.worker);
      return;
    }
    this.ref(slot.worker);
    slot.timer = setTimeout(
      () => this.fail(slot, limitSentence.time(this.limits)),
      this.limits.timeMs,
    );
  }

  private finish(slot: Slot, r: RenderedOutcome): void {
    const job = slot.jobs.shift();
    this.startTimer(slot);
    job?.resolve(r);
    this.waiting.shift()?.();
  }

  /**
   * The file being checked gets `message`; the worker is ended, and the files queued behind it
   * go to a new one, so a file that breaks a worker costs the batch nothing else.
   */
  private fail(slot: Slot, message: string): void {
    const job = slot.jobs.shift();
    const dead = slot.worker;
    slot.worker = null;
    dead?.kill('SIGKILL');
    if (slot.jobs.length > 0) {
      const worker = (slot.worker = this.spawn(slot));
      for (const j of slot.jobs) worker.send(j.task);
    }
    this.startTimer(slot);
    if (job)
      job.resolve(
        renderOutcome(
          { results: [failed(job.task.file, 'unreadable', message)], copyError: null },
          job.task.output,
        ),
      );
    this.waiting.shift()?.();
  }

  run(task: Task): Promise<RenderedOutcome> {
    return new Promise<RenderedOutcome>((resolve) => {
      const place = () => {
        // The least loaded worker: an idle one first, else one with room for the next file.
        let slot: Slot | null = null;
        for (const s of this.slots)
          if (s.jobs.length < DEPTH && (!slot || s.jobs.length < slot.jobs.length)) slot = s;
        if (!slot) {
          this.waiting.push(place);
          return;
        }
        const worker = (slot.worker ??= this.spawn(slot));
        slot.jobs.push({ task, resolve });
        worker.send(task);
        if (slot.jobs.length === 1) this.startTimer(slot);
      };
      place();
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map((s) => {
        if (s.timer) clearTimeout(s.timer);
        const w = s.worker;
        s.worker = null;
        if (!w || w.exitCode !== null || w.signalCode !== null) return;
        return new Promise<void>((done) => {
          // Held while it ends: an unreferenced child would let this process exit mid-close.
          w.ref();
          w.once('exit', () => done());
          w.kill('SIGKILL');
        });
      }),
    );
  }
}
