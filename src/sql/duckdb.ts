// DuckDB: one JSON parse per event (json_extract with a list of paths), RE2 capture groups as a struct, lateral unnesting.
import type { Dialect, FieldSpec, Pair } from './dialect.js';
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
  unnestTargets(from, keep, array) {
    const el = 'u.el';
    return `SELECT ${keep.map((k) => `x.${k}`).join(', ')}, u.pos, ${text(`json_extract(${el}, '$.id')`)} AS tid, ${text(`json_extract(${el}, '$.type')`)} AS ttype
    FROM ${from} AS x CROSS JOIN LATERAL (SELECT generate_subscripts(l, 1) - 1 AS pos, unnest(l) AS el FROM (SELECT json_extract(x.${array}, '$[*]') AS l) AS a) AS u`;
  },
  unpivot(from, keep, pairs: readonly Pair[], targets) {
    const rows = pairs.map(([label, v]) => `{'slot': ${this.str(label)}, 'val': CAST(x.${v} AS VARCHAR)}`);
    let list = `[${rows.join(', ')}]`;
    if (targets) {
      list = `list_concat(${list}, coalesce(list_transform(json_extract(x.${targets.array}, '$[*]'), e -> {'slot': ${this.str(targets.label)}, 'val': ${text('e')}}), []))`;
    }
    return `SELECT ${keep.map((k) => `x.${k}`).join(', ')}, u.p.slot AS slot, u.p.val AS val FROM ${from} AS x CROSS JOIN LATERAL (SELECT unnest(${list}) AS p) AS u`;
  },
};
