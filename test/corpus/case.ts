// Corpus case shape: the bytes of one broken input and what the scan must make of it.

/** A part of the input that must be reported (with --validate): a byte range of the plain stream. */
export interface BadPart {
  /** First byte (decompressed stream offset). */
  start: number;
  /** Last byte (inclusive); `Infinity` for "from here to the end". */
  end: number;
  /** What is wrong, for failure messages. */
  what: string;
}

/** One input of the corpus and the answer the generator knows. */
export interface CorpusCase {
  /** Unique, file-name safe. */
  name: string;
  /** Family: truncation, bytes, shapes, mixed, gzip, hostile. */
  group: string;
  /** File name to write (its extension never matters: the content decides). */
  file: string;
  /** The file's bytes (built on demand: some cases are 64 MiB). */
  bytes(): Buffer;
  /** The decompressed stream when `bytes` is gzip (offsets and lines refer to it). */
  plain?(): Buffer;
  /** Extra command-line options. */
  args?: string[];
  /** Exit code promised by the README: 3 only when the input holds no JSON at all. */
  exit: 0 | 3;
  /**
   * The good records, in input order, as one-line JSON texts: exactly the events the scan must
   * use. A clean NDJSON file of them is the reference the findings are compared with.
   */
  good: string[];
  /** Parts that must each get a diagnostic with --validate (and nothing else may get one). */
  bad: BadPart[];
  /**
   * Window events (uuids) the default mode may leave out, as the README's Limits say (a record
   * glued behind another on one line, linked only by its actor). --validate must still find them.
   */
  defaultMayMiss?: string[];
}

/** Whitespace between JSON tokens as one line (strings never hold a raw CR or LF). */
export function oneLine(json: string): string {
  return json.replace(/[\r\n]+/g, ' ');
}
