#!/usr/bin/env node
import { run } from './cli';
import { OutputError } from './errors';

/** stdout's first error (a closed pipe, a full disk): every later write fails with a sentence. */
let broken: unknown = null;
process.stdout.on('error', (e) => {
  broken ??= e;
});
process.stderr.on('error', () => {
  // Nowhere left to say anything.
});

function write(text: string | Uint8Array): Promise<void> | void {
  if (broken) throw new OutputError(broken);
  let ok: boolean;
  try {
    ok = process.stdout.write(text);
  } catch (e) {
    throw new OutputError(e);
  }
  if (ok) return;
  return new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      process.stdout.off('error', onError);
      resolve();
    };
    const onError = (e: unknown) => {
      process.stdout.off('drain', onDrain);
      reject(new OutputError(e));
    };
    process.stdout.once('drain', onDrain);
    process.stdout.once('error', onError);
  });
}

run(process.argv.slice(2), {
  stdout: write,
  stderr: (t) => {
    try {
      process.stderr.write(t);
    } catch {
      // stderr closed
    }
  },
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  flush: () =>
    new Promise<void>((resolve, reject) => {
      if (broken) return reject(new OutputError(broken));
      process.stdout.write('', (e) =>
        e || broken ? reject(new OutputError(e ?? broken)) : resolve(),
      );
    }),
}).then((code) => {
  process.exitCode = code;
});
