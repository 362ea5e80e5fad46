import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { collectTargets, type CollectOptions, Targets, type TargetsData } from './files';

const LISTER = path.join(__dirname, 'lister.js');

/**
 * The files to check (collectTargets). Searching folders of thousands of files makes thousands of
 * objects that live until the search ends, and V8 grows the main thread's young generation for
 * them, for good (bench: 16 MB for 30,000 files, 4 MB for 300). So folders are searched in a short-
 * lived thread with a small young generation, and only the packed list comes back. Files named one
 * by one, a run from TypeScript sources (no lister.js), or a thread that fails: searched here.
 */
export async function listTargets(paths: string[], options: CollectOptions): Promise<Targets> {
  const folders = await Promise.all(
    paths.map((p) =>
      fs.stat(p).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    ),
  );
  if (!folders.some(Boolean) || !existsSync(LISTER)) return collectTargets(paths, options);
  const data = await inThread(paths, options).catch(() => null);
  return data ? Targets.fromData(data) : collectTargets(paths, options);
}

function inThread(paths: string[], options: CollectOptions): Promise<TargetsData> {
  const { Worker } = require('worker_threads') as typeof import('worker_threads');
  const worker = new Worker(LISTER, {
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  return new Promise<TargetsData>((resolve, reject) => {
    worker.once('message', (d: TargetsData) => {
      resolve(d);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('lister exited')));
    worker.postMessage({ paths, options });
  });
}
