// Errors meant for the user: a one-line message and the exit code they map to, never a stack trace.

/** Process exit codes, as documented in the README and the manual page (src/cli/help-sections.ts). */
export const ExitCode = {
  Ok: 0,
  Findings: 1,
  Usage: 2,
  Input: 3,
  Internal: 70,
  /** Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  Interrupted: 130,
  /** SIGTERM: 128 + 15. */
  Terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error whose message is shown to the user as is, with the exit code it carries. */
export class UserError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Bad command line: unknown option, bad duration, conflicting flags (exit 2). */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.Usage);
    this.name = 'UsageError';
  }
}

/** Input that cannot be read at all: missing file, permission denied, no JSON in it (exit 3). */
export class InputError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.Input);
    this.name = 'InputError';
  }
}
