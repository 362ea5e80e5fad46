import * as path from 'path';
import { existsSync } from 'fs';
import type { Worker } from 'worker_threads';
import { failed, type Task } from './result';
import { type RenderedOutcome, renderOutcome } from './formatters/rendered';
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
    const { checkTask } = require('./checkFile') as typeof import('./checkFile');
    return {
      run: async (task) => renderOutcome(await checkTask(task), task.output),
      close: async () => {},
    };
  }
  return new Pool(jobs, limits);
}

/**
 * For a batch of one file: a small workbook is checked in this process (checkTaskInline), which
 * saves starting a worker; anything else goes to a pool of one, started only then.
 */
export function createLoneChecker(limits: Limits): Checker {
  let pool: Checker | null = null;
  return {
    run: async (task) => {
      const { checkTaskInline } = require('./checkFile') as typeof import('./checkFile');
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
  worker: Worker | null;
  /** In the order the worker takes them: the first is the one being checked. */
  jobs: Job[];
  timer: ReturnType<typeof setTimeout> | null;
}

const INTERNAL = '校验时出现内部错误（检查进程意外退出）。请把该文件反馈给开发者。';

class Pool implements Checker {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];

  constructor(
    size: number,
    private readonly limits: Limits,
  ) {
    // Started at once: loading the engine in each worker overlaps the search for files.
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const slot: Slot = { worker: null, jobs: [], timer: null };
      slot.worker = this.spawn(slot);
      return slot;
    });
  }

  private spawn(slot: Slot): Worker {
    // Loaded here, not on start: a lone workbook checked in this process needs no thread.
    const { Worker: Thread } = require('worker_threads') as typeof import('worker_threads');
    const worker = new Thread(WORKER, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        // A small nursery: the young generation otherwise grows to its ceiling over a long batch
        // and is what makes 30,000 files take more memory than 300 (bench: 30k/300 peak RSS).
        maxYoungGenerationSizeMb: 6,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    // Events of a worker already replaced (its exit after terminate) are not this slot's.
    const mine = () => slot.worker === worker;
    worker.on('message', (r: RenderedOutcome) => {
      if (mine()) this.finish(slot, r);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (mine())
        this.fail(
          slot,
          e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitSentence.memory(this.limits) : INTERNAL,
        );
    });
    worker.on('exit', () => {
      if (mine()) this.fail(slot, INTERNAL);
    });
    worker.unref();
    return worker;
  }

  /** The time limit runs for the file being checked: from when the worker could start it. */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.jobs.length === 0) {
      slot.worker?.unref();
      return;
    }
    slot.worker?.ref();
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
    void dead?.terminate();
    if (slot.jobs.length > 0) {
      const worker = (slot.worker = this.spawn(slot));
      for (const j of slot.jobs) worker.postMessage(j.task);
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
        worker.postMessage(task);
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
        return w?.terminate();
      }),
    );
  }
}
