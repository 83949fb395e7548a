// What the query builder asks of one SQL engine: JSON extraction, regular expressions, unnesting, and the event's JSON text.

/** The engines a query can be written for. */
export const DIALECT_NAMES = ['duckdb', 'clickhouse', 'postgres', 'trino', 'spark'] as const;

/** One of DIALECT_NAMES. */
export type DialectName = (typeof DIALECT_NAMES)[number];

/** How the table holds events. */
export type Layout = 'text' | 'columns';

/**
 * How a field's JSON value becomes SQL text:
 * - `text`: a string as it is, a number or boolean as its JSON text, anything else NULL (the CLI's `str`);
 * - `string`: a string only;
 * - `array`: the JSON text of an array, or of an object wrapped in `[…]`; anything else NULL.
 */
export type FieldKind = 'text' | 'string' | 'array';

/** One field the query reads from every event. */
export interface FieldSpec {
  /** Its column name in the query. */
  name: string;
  /** Where it may be, in order of preference: key paths (spelling variants of one path). */
  paths: readonly (readonly string[])[];
  kind: FieldKind;
}

/** A column of {@link Dialect.explode}'s output: its name and SQL type. */
export interface OutColumn {
  name: string;
  type: 'text' | 'int';
}

/** SQL expressions for one element of a JSON array, in {@link Dialect.explode}'s element rows. */
export interface ElementRefs {
  /** Its 0-based position. */
  pos: string;
  /** Its `id` and `type`, read as `text` fields (NULL when the element is not an object). */
  id: string;
  type: string;
}

/** The SQL an engine needs for one query. Every expression it returns is ready to splice in. */
export interface Dialect {
  readonly name: DialectName;
  /** An identifier, quoted when it needs to be (a table name may be `db.schema.table`). */
  ident(name: string): string;
  /** A string literal. */
  str(value: string): string;
  /** `SELECT … AS event FROM table`: each row's event as JSON text (`text`: the column; `columns`: rebuilt from the row). */
  source(layout: Layout, table: string, column: string): string;
  /**
   * `SELECT event, <one column per field> FROM <from>` over the rows whose `event` is valid JSON
   * (a broken row is skipped, as the CLI skips it, instead of failing the query).
   */
  fields(from: string, fields: readonly FieldSpec[]): string;
  /** An expression holding the capture groups of `pattern` matched against `text` (see `group`). */
  groups(text: string, pattern: string): string;
  /** Capture group `n` (1-based) of a `groups` column made with `pattern`: '' when it did not take part or nothing matched. */
  group(column: string, n: number, pattern: string): string;
  /** Integer division of two non-negative integer expressions. */
  div(a: string, b: string): string;
  /** A decimal text as a 64-bit integer. */
  int(text: string): string;
  /** Whether `text` contains any of `needles` (lower-case words), ignoring case: a cheap test before parsing. */
  containsAny(text: string, needles: readonly string[]): string;
  /**
   * `SELECT <keep>, <columns> FROM <from> AS x …`: each row of `from` once per entry of `rows`
   * (expressions over `x.<column>`, one per output column) and, with `elements`, once more per
   * element of the JSON array text in column `x.<elements.array>` (none for NULL), with the
   * expressions `elements.row` gives for it.
   */
  explode(
    from: string,
    keep: readonly string[],
    columns: readonly OutColumn[],
    rows: readonly (readonly string[])[],
    elements?: { array: string; row: (el: ElementRefs) => readonly string[] },
  ): string;
  /**
   * Text that keeps a SELECT from being merged into the one reading it ('' where the engine
   * computes an expression used several times only once): the time parts are used a dozen times.
   */
  readonly fence: string;
  /** Text after the final ORDER BY (engine settings the query relies on), or ''. */
  readonly suffix: string;
}
