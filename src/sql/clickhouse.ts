// ClickHouse (and chDB): JSONExtract functions, extractGroups for the time, ARRAY JOIN of parallel arrays; SQL's NULLs for LEFT JOIN.
import type { Dialect, FieldSpec, OutColumn } from './dialect.js';
import { quoteName } from './quote.js';

/** A string literal: ClickHouse reads backslash escapes, so backslashes are doubled too. */
function str(v: string): string {
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** JSONExtract* arguments after the document: each key as a literal. */
function keys(path: readonly string[]): string {
  return path.map(str).join(', ');
}

/**
 * A JSON value at a path as the CLI's `str`: a string, number or boolean as text, NULL when
 * absent or null (an object or array gives its JSON text: no field the query reads holds one, and
 * a value the CLI would not read can only add events it then skips). One function: ClickHouse
 * analyses every expression of the query, and three per field made that take seconds.
 */
function text(doc: string, path: readonly string[]): string {
  return `JSONExtract(${doc}, ${path.length ? `${keys(path)}, ` : ''}'Nullable(String)')`;
}

function value(kind: FieldSpec['kind'], path: readonly string[]): string {
  const at = `event, ${keys(path)}`;
  switch (kind) {
    case 'text':
      return text('event', path);
    case 'string':
      return `if(JSONType(${at}) = 'String', toNullable(JSONExtractString(${at})), NULL)`;
    case 'array':
      return `multiIf(JSONType(${at}) = 'Array', toNullable(JSONExtractRaw(${at})), JSONType(${at}) = 'Object', toNullable(concat('[', JSONExtractRaw(${at}), ']')), NULL)`;
  }
}

/** The elements of a JSON array text column (none for NULL) as raw JSON texts. */
function jsonElements(column: string): string {
  return `JSONExtractArrayRaw(ifNull(${column}, '[]'))`;
}

/** The ClickHouse dialect. */
export const clickhouse: Dialect = {
  name: 'clickhouse',
  ident: (name) => quoteName(name, '`'),
  str,
  source(layout, table, column) {
    return layout === 'text'
      ? `SELECT toString(${this.ident(column)}) AS event FROM ${this.ident(table)}`
      : `SELECT formatRowNoNewline('JSONEachRow', *) AS event FROM ${this.ident(table)}`;
  },
  fields(from, fields) {
    const items = fields.map((f) => {
      const alternatives = f.paths.map((p) => value(f.kind, p));
      return `${alternatives.length === 1 ? alternatives[0]! : `coalesce(${alternatives.join(', ')})`} AS ${f.name}`;
    });
    return `SELECT event, ${items.join(', ')} FROM ${from} WHERE isValidJSON(event)`;
  },
  groups: (t, pattern) => `extractGroups(ifNull(${t}, ''), ${str(pattern)})`,
  group: (column, n) => `arrayElement(${column}, ${n})`,
  div: (a, b) => `intDiv(${a}, ${b})`,
  int: (t) => `toInt64OrZero(${t})`,
  containsAny: (t, needles) => `multiSearchAnyCaseInsensitive(${t}, [${needles.map(str).join(', ')}])`,
  explode(from, keep, columns, rows, elements) {
    const cast = (c: OutColumn, v: string) => `CAST(${v} AS ${c.type === 'int' ? 'Nullable(Int64)' : 'Nullable(String)'})`;
    // ARRAY JOIN of one array per output column, read in step; `u_` names keep them apart from x's columns.
    const arrays = columns.map((c, i) => {
      const fixed = `[${rows.map((r) => cast(c, r[i]!)).join(', ')}]`;
      if (!elements) return fixed;
      const list = jsonElements(`x.${elements.array}`);
      const v = elements.row({ pos: 'toInt64(n - 1)', id: text('el', ['id']), type: text('el', ['type']) })[i]!;
      return `arrayConcat(${fixed}, arrayMap((el, n) -> ${cast(c, v)}, ${list}, arrayEnumerate(${list})))`;
    });
    const out = [...keep.map((k) => `x.${k} AS ${k}`), ...columns.map((c) => `u_${c.name} AS ${c.name}`)];
    return `SELECT ${out.join(', ')} FROM ${from} AS x ARRAY JOIN ${arrays.map((a, i) => `${a} AS u_${columns[i]!.name}`).join(', ')}`;
  },
  fence: '',
  // Unmatched LEFT JOIN columns are NULL, as in SQL (ClickHouse's default fills in '' and 0).
  suffix: 'SETTINGS join_use_nulls = 1',
};
