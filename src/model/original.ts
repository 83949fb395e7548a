// An event's original record as the input held it: its JSON text, or a reference to where it is.

/** Where a whole record sits in a plain input file (the report reads it there, once). */
export interface RecordRef {
  /** Index of the input in the scan's inputs (and the report's `inputs`). */
  readonly input: number;
  /** Byte offset and length of the record in that file. */
  readonly offset: number;
  readonly length: number;
  /** FNV-1a hash of the record's bytes as first read: a changed file is noticed, never reported. */
  readonly check: number;
}

/** An original held as the record's JSON text. */
export interface OriginalText {
  readonly text: string;
}

/** An original held by reference into its input file. */
export interface OriginalRef {
  readonly ref: RecordRef;
}

/** The original of a reported event: its JSON text, or a reference to its record. */
export type Original = OriginalText | OriginalRef;

/** What a reporter makes of a record's text before writing it (the same function for every record). */
export type PrepareText = (text: string) => string;

/**
 * Gives the text of originals held by reference: the one place a report reads an input again.
 * It may throw an InputError (exit 3) when the input changed since it was scanned.
 */
export interface OriginalReader {
  /**
   * The record's text, or `prepare(text)` when `prepare` is given: a reader that keeps a record
   * several windows hold keeps it prepared, so it is prepared once, not once per window.
   */
  text(ref: RecordRef, prepare?: PrepareText): string;
}
