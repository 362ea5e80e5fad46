/**
 * Colours for the text report on a terminal: errors red, warnings yellow, 可报送 green, rule ids
 * dim. Off when NO_COLOR is set (no-color.org), on where FORCE_COLOR asks for them.
 */
export function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return isTTY && env.TERM !== 'dumb';
}

const paint = (code: string) => (on: boolean, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
export const red = paint('31');
export const yellow = paint('33');
export const green = paint('32');
export const dim = paint('2');
