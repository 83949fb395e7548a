// Spark SQL (Databricks): get_json_object, regexp_extract per group, inline and explode as generators in SELECT lists.
import type { Dialect, FieldSpec, OutColumn } from './dialect.js';
import { TOP_LEVEL_KEYS } from './fields.js';
import { quoteName } from './quote.js';

/** A string literal: Spark reads backslash escapes, so backslashes are doubled too. */
function str(v: string): string {
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `$.a.b` (keys are plain words). */
function jsonPath(path: readonly string[]): string {
  return str(`$.${path.join('.')}`);
}

/**
 * A JSON value at a path: get_json_object gives strings and numbers as text, which is the CLI's
 * `str` (an object or array where the CLI wants a scalar gives its JSON text here: no Okta field
 * the query reads holds one).
 */
function value(kind: FieldSpec['kind'], path: readonly string[]): string {
  const v = `get_json_object(event, ${jsonPath(path)})`;
  if (kind !== 'array') return v;
  return `CASE WHEN json_array_length(${v}) IS NOT NULL THEN ${v} WHEN substr(${v}, 1, 1) = '{' THEN concat('[', ${v}, ']') END`;
}

/** Element `i` of the JSON array text `array`: its `key` as text. */
function member(array: string, i: string, key: string): string {
  return `get_json_object(${array}, concat('$[', CAST(${i} AS STRING), '].${key}'))`;
}

function kept(keep: readonly string[], prefix = ''): string {
  return keep.map((k) => (prefix ? `${prefix}${k} AS ${k}` : k)).join(', ');
}

/** The Spark SQL dialect. */
export const spark: Dialect = {
  name: 'spark',
  ident: (name) => quoteName(name, '`'),
  str,
  source(layout, table, column) {
    if (layout === 'text') return `SELECT CAST(${this.ident(column)} AS STRING) AS event FROM ${this.ident(table)}`;
    const fields = TOP_LEVEL_KEYS.map((k) => `${str(k)}, \`${k}\``).join(', ');
    return `SELECT to_json(named_struct(${fields})) AS event FROM ${this.ident(table)}`;
  },
  fields(from, fields) {
    const items = fields.map((f) => {
      const alternatives = f.paths.map((p) => value(f.kind, p));
      return `${alternatives.length === 1 ? alternatives[0]! : `COALESCE(${alternatives.join(', ')})`} AS ${f.name}`;
    });
    return `SELECT event, ${items.join(', ')} FROM ${from} WHERE get_json_object(event, '$') IS NOT NULL`;
  },
  // regexp_extract gives one group: the column is the text, each group is extracted from it.
  groups: (t) => t,
  group: (column, n, pattern) => `COALESCE(regexp_extract(${column}, ${str(pattern)}, ${n}), '')`,
  div: (a, b) => `CAST(floor((${a}) / (${b})) AS BIGINT)`,
  int: (t) => `CAST(${t} AS BIGINT)`,
  containsAny: (t, needles) => `(${needles.map((n) => `lower(${t}) LIKE ${str(`%${n}%`)}`).join(' OR ')})`,
  explode(from, keep, columns, rows, elements) {
    const cast = (c: OutColumn, v: string) => `CAST(${v} AS ${c.type === 'int' ? 'BIGINT' : 'STRING'})`;
    const structs = rows.map((r) => `named_struct(${columns.map((c, i) => `${str(c.name)}, ${cast(c, r[i]!)}`).join(', ')})`);
    const names = columns.map((c) => c.name);
    const inner = [...(keep.length ? [kept(keep, 'x.')] : []), `inline(array(${structs.join(', ')}))`].join(', ');
    const fixed = `SELECT ${[...keep, ...names].join(', ')} FROM (SELECT ${inner} FROM ${from} AS x) AS y`;
    if (!elements) return fixed;
    // No lambda in the grammar this SQL is checked with: the elements come from a second generator.
    const a = `x.${elements.array}`;
    const v = elements.row({ pos: 'CAST(x.i AS BIGINT)', id: member(a, 'x.i', 'id'), type: member(a, 'x.i', 'type') });
    return `${fixed}
    UNION ALL SELECT ${[...(keep.length ? [kept(keep, 'x.')] : []), ...columns.map((c, i) => `${cast(c, v[i]!)} AS ${c.name}`)].join(', ')}
    FROM (SELECT *, explode(sequence(0, json_array_length(${elements.array}) - 1)) AS i FROM ${from} WHERE json_array_length(${elements.array}) > 0) AS x`;
  },
  fence: '',
  suffix: '',
};
