// DuckDB (1.3 or later, for its lambda syntax): one JSON parse per event (json_extract with a list of paths), RE2 capture groups as a struct, lists of structs unnested.
import type { Dialect, FieldSpec } from './dialect.js';
import { quoteName, sqlString } from './quote.js';

/** A JSON value (DuckDB JSON) as the CLI's `str`: string, number or boolean as text, else NULL. */
function text(v: string): string {
  return `CASE WHEN json_type(${v}) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN') THEN json_extract_string(${v}, '$') END`;
}

function value(kind: FieldSpec['kind'], v: string): string {
  switch (kind) {
    case 'text':
      return text(v);
    case 'string':
      return `CASE WHEN json_type(${v}) = 'VARCHAR' THEN json_extract_string(${v}, '$') END`;
    case 'array':
      return `CASE json_type(${v}) WHEN 'ARRAY' THEN CAST(${v} AS VARCHAR) WHEN 'OBJECT' THEN '[' || CAST(${v} AS VARCHAR) || ']' END`;
  }
}

/** A case-insensitive RE2 pattern matching any of the words (`.` as `[.]`: no backslashes). */
function caseless(needles: readonly string[]): string {
  return `(?i)${needles.map((n) => n.replace(/[.]/g, '[.]')).join('|')}`;
}

/** `$.a.b` (keys are plain words: no quoting needed). */
function jsonPath(path: readonly string[]): string {
  return `$.${path.join('.')}`;
}

/** The DuckDB dialect. */
export const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => quoteName(name, '"'),
  str: (v) => sqlString(v),
  source(layout, table, column) {
    return layout === 'text'
      ? `SELECT CAST(${this.ident(column)} AS VARCHAR) AS event FROM ${this.ident(table)}`
      : `SELECT CAST(to_json(t) AS VARCHAR) AS event FROM ${this.ident(table)} AS t`;
  },
  fields(from, fields) {
    const paths: string[] = [];
    const items = fields.map((f) => {
      const alternatives = f.paths.map((p) => {
        paths.push(this.str(jsonPath(p)));
        return value(f.kind, `j[${paths.length}]`);
      });
      const v = alternatives.length === 1 ? alternatives[0]! : `COALESCE(${alternatives.join(', ')})`;
      return `${v} AS ${f.name}`;
    });
    return `SELECT event, ${items.join(', ')} FROM (SELECT event, json_extract(event, [${paths.join(', ')}]) AS j FROM ${from} WHERE json_valid(event)) AS x`;
  },
  groups(t, pattern) {
    const names = Array.from({ length: 14 }, (_, i) => this.str(`g${i + 1}`));
    return `regexp_extract(${t}, ${this.str(pattern)}, [${names.join(', ')}])`;
  },
  group: (column, n) => `${column}.g${n}`,
  div: (a, b) => `((${a}) // (${b}))`,
  int: (t) => `TRY_CAST(${t} AS BIGINT)`,
  // RE2 with (?i) runs 6 times faster here than ILIKE on 3 needles.
  containsAny: (t, needles) => `regexp_matches(${t}, ${sqlString(caseless(needles))})`,
  explode(from, keep, columns, rows, elements) {
    const struct = (values: readonly string[]) =>
      `{${columns.map((c, i) => `${sqlString(c.name)}: CAST(${values[i]} AS ${c.type === 'int' ? 'BIGINT' : 'VARCHAR'})`).join(', ')}}`;
    let list = `[${rows.map(struct).join(', ')}]`;
    if (elements) {
      const el = { pos: '(i - 1)', id: text(`json_extract(e, '$.id')`), type: text(`json_extract(e, '$.type')`) };
      list = `list_concat(${list}, coalesce(list_transform(json_extract(x.${elements.array}, '$[*]'), lambda e, i: ${struct(elements.row(el))}), []))`;
    }
    // unnest in the SELECT list: a LATERAL join would be planned as a join of the input with itself.
    const out = [...keep, ...columns.map((c) => `p.${c.name} AS ${c.name}`)];
    return `SELECT ${out.join(', ')} FROM (SELECT ${[...keep.map((k) => `x.${k} AS ${k}`), `unnest(${list}) AS p`].join(', ')} FROM ${from} AS x) AS u`;
  },
  fence: '',
  suffix: '',
};
