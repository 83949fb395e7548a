// Test helper: find and strip ANSI escape sequences (CSI, OSC, other two-byte escapes, 8-bit CSI).

const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;

/** `s` without any ANSI escape sequence. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** True when `s` holds an ANSI escape sequence or any raw ESC / 8-bit CSI character. */
export function hasAnsi(s: string): boolean {
  return /[\u001b\u009b]/.test(s);
}
