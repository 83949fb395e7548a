// A problem with one part of the input: where it is and why; the scan records it and goes on.

/** A problem with one part of the input. The scan goes on; `--strict` makes it fatal. */
export interface Diagnostic {
  /** Input path as given by the user (`-` for stdin). */
  file: string;
  /** 1-based line number where the bad part starts, when known. */
  line?: number;
  /** 0-based byte offset (in the decompressed stream) where the bad part starts. */
  offset?: number;
  /** Human-readable reason, one line. */
  reason: string;
  /**
   * The record's text names `system.api_token.revoke` but it could not be read as an event: a
   * revocation may have been lost. Absent otherwise.
   */
  namesRevocation?: true;
}
