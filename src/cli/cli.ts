import { parseArgs, USAGE } from './args';
import { runCheck } from './commands/check';
import { OutputError } from './errors';
import type { Io } from './io';
import { VERSION } from './version';

/** Runs the command line and returns the exit code; never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  try {
    switch (args.command) {
      case 'help':
        await io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        await io.stdout(`selfeval ${VERSION}\n`);
        return 0;
      case 'error':
        io.stderr(`selfeval：${args.message}\n${USAGE}\n`);
        return 2;
      case 'check':
        return await runCheck(args, io);
      case 'profiles':
        return await (await import('./explain')).runProfiles(io);
      case 'explain':
        return await (await import('./explain')).runExplain(args, io);
    }
  } catch (e) {
    if (e instanceof OutputError) io.stderr(`selfeval：${e.message}\n`);
    else io.stderr(`selfeval：出现内部错误：${e instanceof Error ? e.message : String(e)}。\n`);
    return 2;
  }
}
