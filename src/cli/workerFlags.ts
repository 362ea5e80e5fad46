import { defaultJobs } from './args';

/**
 * The V8 flags a pool worker runs with, for a pool of `size` workers on `cores` cores:
 * - the heap limit of --memory;
 * - a small nursery: the young generation otherwise grows to its ceiling over a long batch and is
 *   what makes 30,000 files take more memory than 300 (bench: 30k/300 peak RSS);
 * - a stack deep enough for the engine, under the thread's own 8 MB;
 * - no helper threads for V8's compiler and collector (--single-threaded) when the workers fill
 *   every core: those threads then only take turns with the other workers (bench, two workers on
 *   two cores: 5–7% less wall time and CPU per file). With a core to spare they run
 *   beside the worker and the batch is faster with them (--jobs 1 on two cores: 12% less wall
 *   time, for 8% more CPU). `forced` (SELFEVAL_WORKER_THREADS=single or v8) decides instead,
 *   so that the bench can time both ways.
 */
export function workerFlags(
  size: number,
  memoryMb: number,
  cores: number = defaultJobs(),
  forced: string | undefined = process.env.SELFEVAL_WORKER_THREADS,
): string[] {
  const single = forced === 'single' || (forced !== 'v8' && Math.max(1, size) >= cores);
  return [
    `--max-old-space-size=${memoryMb}`,
    '--max-semi-space-size=3',
    '--stack-size=3800',
    ...(single ? ['--single-threaded'] : []),
  ];
}
