import { parentPort } from 'worker_threads';
import { checkTask } from './checkTask';
import type { Task } from './task';
import { renderOutcome } from './formatters/rendered';

/**
 * A pool worker: checks the files it is sent one after another, under the heap limit the pool
 * gave it, and sends back each result formatted as the run prints it. The pool sends the next file before this one is done, so the worker never waits; a
 * failure that escapes checkTask ends the worker, as the pool expects, and is not swallowed.
 */
let chain: Promise<void> = Promise.resolve();
// A child process of the pool (process.send), or a thread (parentPort) where one is used.
const post = (m: unknown) => (parentPort ? parentPort.postMessage(m) : process.send?.(m));
const onTask = (task: Task) => {
  chain = chain
    .then(() => checkTask(task))
    .then(
      (result) => {
        post(renderOutcome(result, task.output));
      },
      (e: unknown) => {
        setImmediate(() => {
          throw e;
        });
      },
    );
};
if (parentPort) parentPort.on('message', onTask);
else {
  process.on('message', onTask);
  post({ ready: true });
  // The run that started this process is gone: nothing is left to check for.
  process.on('disconnect', () => process.exit(0));
}
