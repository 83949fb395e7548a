// Collects diagnostics: every one counted per input, the first thousand kept for output.
import type { Diagnostic } from '../events/types.js';

/** How many diagnostics are kept in full; the rest are only counted. */
export const KEEP_DIAGNOSTICS = 1000;

/** Diagnostics of one pass over the inputs. */
export class DiagnosticLog {
  readonly kept: Diagnostic[] = [];
  total = 0;
  private readonly perFile = new Map<string, number>();

  add(d: Diagnostic): void {
    this.total++;
    this.perFile.set(d.file, (this.perFile.get(d.file) ?? 0) + 1);
    if (this.kept.length < KEEP_DIAGNOSTICS) this.kept.push(d);
  }

  countFor(file: string): number {
    return this.perFile.get(file) ?? 0;
  }
}

/** `file:line: reason` or `file@offset: reason`, the form shown on stderr. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `:${d.line}` : d.offset !== undefined ? ` (byte ${d.offset})` : '';
  return `${d.file}${where}: ${d.reason}`;
}
