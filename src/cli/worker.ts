import { parentPort } from 'worker_threads';
import { checkTask, type Task } from './checkFile';
import { renderOutcome } from './formatters/rendered';

/**
 * A pool worker: checks the files it is sent one after another, under the heap limit the pool
 * gave it, and sends back each result formatted as the run prints it. The pool sends the next file before this one is done, so the worker never waits; a
 * failure that escapes checkTask ends the worker, as the pool expects, and is not swallowed.
 */
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: Task) => {
  chain = chain
    .then(() => checkTask(task))
    .then(
      (result) => {
        parentPort?.postMessage(renderOutcome(result, task.output));
      },
      (e: unknown) => {
        setImmediate(() => {
          throw e;
        });
      },
    );
});
