// Collects diagnostics: every one counted per input, the first thousand kept for output.
import type { Diagnostic } from '../model/diagnostic.js';

/** How many diagnostics are kept in full; the rest are only counted. */
const KEEP_DIAGNOSTICS = 1000;

/** How many record positions are remembered to tell a repeated diagnostic from a new one. */
const REMEMBER = 100_000;

/** Diagnostics of the passes over the inputs. */
export class DiagnosticLog {
  readonly kept: Diagnostic[] = [];
  total = 0;
  /** Diagnostics of records that name the revocation event type (possible lost revocations), the first thousand. */
  readonly lost: Diagnostic[] = [];
  /** How many such diagnostics there were. */
  lostTotal = 0;
  private readonly perFile = new Map<string, number>();
  private readonly where = new Set<string>();

  /**
   * Records a diagnostic; returns false when `onlyNew` and the same record was already reported
   * (or, past the first 100,000 reports, when it cannot tell: later passes then add nothing).
   */
  add(d: Diagnostic, onlyNew = false): boolean {
    // Values read from documents and tables have no offset: their line or reason (which names the
    // element) tells them apart.
    const key = d.offset !== undefined ? `${d.offset}\u0000${d.file}` : `${d.line ?? ''}\u0000${d.file}\u0000${d.reason}`;
    if (onlyNew && (this.where.has(key) || this.where.size >= REMEMBER)) return false;
    if (this.where.size < REMEMBER) this.where.add(key);
    this.total++;
    this.perFile.set(d.file, (this.perFile.get(d.file) ?? 0) + 1);
    if (this.kept.length < KEEP_DIAGNOSTICS) this.kept.push(d);
    if (d.namesRevocation) {
      this.lostTotal++;
      if (this.lost.length < KEEP_DIAGNOSTICS) this.lost.push(d);
    }
    return true;
  }

  /** The diagnostics to report: the first thousand, then any record naming a revocation past them. */
  reported(): Diagnostic[] {
    if (this.lostTotal === 0 || this.total <= KEEP_DIAGNOSTICS) return this.kept;
    const kept = new Set(this.kept);
    return [...this.kept, ...this.lost.filter((d) => !kept.has(d))];
  }

  /** The first diagnostic kept for `file`, if any. */
  firstFor(file: string): Diagnostic | undefined {
    return this.kept.find((d) => d.file === file);
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
