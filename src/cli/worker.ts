import { parentPort } from 'worker_threads';
import { checkTask, type Task } from './checkFile';

/** A pool worker: checks one file at a time, under the heap limit the pool gave it. */
parentPort?.on('message', (task: Task) => {
  void checkTask(task).then((result) => parentPort?.postMessage(result));
});
