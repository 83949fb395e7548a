// Trino and Athena (engine 3): json_extract_scalar, regexp_extract per group, UNNEST of row arrays.
import type { Dialect, FieldSpec } from './dialect.js';
import { TOP_LEVEL_KEYS } from './fields.js';
import { quoteName, sqlString } from './quote.js';

/** `$.a.b` (keys are plain words). */
function jsonPath(path: readonly string[]): string {
  return sqlString(`$.${path.join('.')}`);
}

/**
 * A JSON value at a path: json_extract_scalar gives strings, numbers and booleans as text and
 * NULL for anything else, which is the CLI's `str` (and, for a `string` field, a little more:
 * a number where the CLI wants a string only adds an event the CLI then skips).
 */
function value(kind: FieldSpec['kind'], path: readonly string[]): string {
  if (kind !== 'array') return `json_extract_scalar(event, ${jsonPath(path)})`;
  const v = `json_extract(event, ${jsonPath(path)})`;
  return `CASE WHEN json_array_length(${v}) IS NOT NULL THEN json_format(${v}) WHEN substr(json_format(${v}), 1, 1) = '{' THEN '[' || json_format(${v}) || ']' END`;
}

/** Element `i` of the JSON array text `array`: its `id` or `type` as text. */
function member(array: string, i: string, key: string): string {
  return `json_extract_scalar(json_array_get(${array}, ${i}), ${sqlString(`$.${key}`)})`;
}

/** The Trino dialect. */
export const trino: Dialect = {
  name: 'trino',
  ident: (name) => quoteName(name, '"'),
  str: (v) => sqlString(v),
  source(layout, table, column) {
    if (layout === 'text') return `SELECT CAST(${this.ident(column)} AS varchar) AS event FROM ${this.ident(table)}`;
    // A named ROW would need every nested type spelled out: a map of JSON values keeps the names.
    const names = TOP_LEVEL_KEYS.map((k) => sqlString(k)).join(', ');
    const values = TOP_LEVEL_KEYS.map((k) => `CAST(${this.ident(k)} AS JSON)`).join(', ');
    return `SELECT json_format(CAST(MAP(ARRAY[${names}], ARRAY[${values}]) AS JSON)) AS event FROM ${this.ident(table)}`;
  },
  fields(from, fields) {
    const items = fields.map((f) => {
      const alternatives = f.paths.map((p) => value(f.kind, p));
      return `${alternatives.length === 1 ? alternatives[0]! : `COALESCE(${alternatives.join(', ')})`} AS ${f.name}`;
    });
    return `SELECT event, ${items.join(', ')} FROM ${from} WHERE try(json_parse(event)) IS NOT NULL`;
  },
  // No function returns every group at once: the column is the text, each group is extracted from it.
  groups: (t) => t,
  group: (column, n, pattern) => `COALESCE(regexp_extract(${column}, ${sqlString(pattern)}, ${n}), '')`,
  div: (a, b) => `((${a}) / (${b}))`,
  int: (t) => `CAST(${t} AS bigint)`,
  containsAny: (t, needles) => `(${needles.map((n) => `strpos(lower(${t}), ${sqlString(n)}) > 0`).join(' OR ')})`,
  explode(from, keep, columns, rows, elements) {
    const row = (values: readonly string[]) => `ROW(${columns.map((c, i) => `CAST(${values[i]} AS ${c.type === 'int' ? 'bigint' : 'varchar'})`).join(', ')})`;
    let list = `ARRAY[${rows.map(row).join(', ')}]`;
    if (elements) {
      const a = `x.${elements.array}`;
      const n = `json_array_length(${a})`;
      const el = { pos: 'CAST(i AS bigint)', id: member(a, 'i', 'id'), type: member(a, 'i', 'type') };
      list = `concat(${list}, IF(COALESCE(${n}, 0) > 0, transform(sequence(0, ${n} - 1), i -> ${row(elements.row(el))}), ARRAY[]))`;
    }
    const out = [...keep.map((k) => `x.${k} AS ${k}`), ...columns.map((c) => `u.${c.name} AS ${c.name}`)];
    return `SELECT ${out.join(', ')} FROM ${from} AS x CROSS JOIN UNNEST(${list}) AS u(${columns.map((c) => c.name).join(', ')})`;
  },
  fence: '',
  suffix: '',
};
