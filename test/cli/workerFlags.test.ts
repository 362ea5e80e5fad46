import { spawnSync } from 'child_process';
import { workerFlags } from '../../src/cli/workerFlags';

/** src/cli/workerFlags.ts: the pool's workers run single-threaded V8 only when they fill the cores. */
describe('the V8 flags of pool workers', () => {
  test('single-threaded once the workers fill every core, helper threads with a core to spare', () => {
    expect(workerFlags(2, 2048, 2, undefined)).toContain('--single-threaded');
    expect(workerFlags(4, 2048, 2, undefined)).toContain('--single-threaded');
    expect(workerFlags(1, 2048, 1, undefined)).toContain('--single-threaded');
    expect(workerFlags(1, 2048, 2, undefined)).not.toContain('--single-threaded');
    expect(workerFlags(3, 2048, 8, undefined)).not.toContain('--single-threaded');
  });

  test('SELFEVAL_WORKER_THREADS decides instead (the bench times both ways)', () => {
    expect(workerFlags(1, 2048, 2, 'single')).toContain('--single-threaded');
    expect(workerFlags(2, 2048, 2, 'v8')).not.toContain('--single-threaded');
  });

  test('the heap limit, the small nursery and the stack are always set', () => {
    expect(workerFlags(1, 512, 2, undefined)).toEqual([
      '--max-old-space-size=512',
      '--max-semi-space-size=3',
      '--stack-size=3800',
    ]);
  });

  test('this Node accepts every flag', () => {
    const r = spawnSync(process.execPath, [...workerFlags(2, 512, 2, 'single'), '-e', '0'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
