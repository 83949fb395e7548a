// Decides whether output gets colour: --color/--no-color, then NO_COLOR, FORCE_COLOR, then the TTY.

/**
 * Colour is on when forced by `--color`, off with `--no-color`; otherwise `NO_COLOR` (any value)
 * turns it off, `FORCE_COLOR` (anything but `0`/`false`) turns it on, and else it follows whether
 * stdout is a terminal (and `TERM` is not `dumb`).
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  return isTTY && env.TERM !== 'dumb';
}
