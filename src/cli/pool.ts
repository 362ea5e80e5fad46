import * as path from 'path';
import { existsSync } from 'fs';
import type { Worker } from 'worker_threads';
import { failed, type Task, type TaskResult } from './result';
import { type Limits, limitSentence } from './limits';

/** Checks files: each in a worker under the time and memory limits, results in any order. */
export interface Checker {
  run(task: Task): Promise<TaskResult>;
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
    return { run: checkTask, close: async () => {} };
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
      return checkTaskInline(task) ?? (await (pool ??= createChecker(1, limits)).run(task));
    },
    close: async () => {
      await pool?.close();
    },
  };
}

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

class Pool implements Checker {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];

  constructor(
    size: number,
    private readonly limits: Limits,
  ) {
    // Started at once: loading the engine in each worker overlaps the search for files.
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({
      worker: this.spawn(),
      busy: false,
    }));
  }

  private spawn(): Worker {
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
    worker.unref();
    return worker;
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  async run(task: Task): Promise<TaskResult> {
    const slot = await this.acquire();
    const worker = (slot.worker ??= this.spawn());
    try {
      return await new Promise<TaskResult>((resolve) => {
        const done = (r: TaskResult, dead: boolean) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          if (dead) {
            slot.worker = null;
            void worker.terminate();
          }
          resolve(r);
        };
        const unreadable = (message: string) => ({
          results: [failed(task.file, 'unreadable', message)],
          copyError: null,
        });
        const onMessage = (r: TaskResult) => done(r, false);
        const onError = (e: Error & { code?: string }) =>
          done(
            unreadable(
              e.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? limitSentence.memory(this.limits)
                : '校验时出现内部错误（检查进程意外退出）。请把该文件反馈给开发者。',
            ),
            true,
          );
        const onExit = () =>
          done(
            unreadable('校验时出现内部错误（检查进程意外退出）。请把该文件反馈给开发者。'),
            true,
          );
        const timer = setTimeout(
          () => done(unreadable(limitSentence.time(this.limits)), true),
          this.limits.timeMs,
        );
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.ref();
        worker.postMessage(task);
      });
    } finally {
      slot.worker?.unref();
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }
}
