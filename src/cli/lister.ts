import { parentPort } from 'worker_threads';
import { collectTargets, type CollectOptions } from './files';

/**
 * The folder search, in a thread of its own (listTargets.ts): its garbage dies with the thread
 * instead of growing the main thread's heap for the rest of the batch.
 */
parentPort?.once('message', ({ paths, options }: { paths: string[]; options: CollectOptions }) => {
  void collectTargets(paths, options).then((targets) => parentPort?.postMessage(targets.toData()));
});
