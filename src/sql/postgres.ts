// PostgreSQL (16 or later): each event cast to jsonb once, regexp_match for the time, lateral VALUES and jsonb_array_elements.
import type { Dialect, FieldSpec } from './dialect.js';
import { quoteName, sqlString } from './quote.js';

/** `'{a,b}'`: a jsonb path as a text array literal (keys are plain words). */
function jsonPath(path: readonly string[]): string {
  return sqlString(`{${path.join(',')}}`);
}

/** A jsonb value as the CLI's `str`: string, number or boolean as text, else NULL. */
function text(v: string): string {
  return `CASE WHEN jsonb_typeof(${v}) IN ('string', 'number', 'boolean') THEN ${v} #>> '{}' END`;
}

function value(kind: FieldSpec['kind'], v: string): string {
  switch (kind) {
    case 'text':
      return text(v);
    case 'string':
      return `CASE WHEN jsonb_typeof(${v}) = 'string' THEN ${v} #>> '{}' END`;
    case 'array':
      return `CASE jsonb_typeof(${v}) WHEN 'array' THEN CAST(${v} AS text) WHEN 'object' THEN '[' || CAST(${v} AS text) || ']' END`;
  }
}

/** The PostgreSQL dialect (`pg_input_is_valid` needs PostgreSQL 16). */
export const postgres: Dialect = {
  name: 'postgres',
  ident: (name) => quoteName(name, '"'),
  str: (v) => sqlString(v),
  source(layout, table, column) {
    return layout === 'text'
      ? `SELECT CAST(${this.ident(column)} AS text) AS event FROM ${this.ident(table)}`
      : `SELECT CAST(row_to_json(t) AS text) AS event FROM ${this.ident(table)} AS t`;
  },
  fields(from, fields) {
    const items = fields.map((f) => {
      const alternatives = f.paths.map((p) => value(f.kind, `(j #> ${jsonPath(p)})`));
      return `${alternatives.length === 1 ? alternatives[0]! : `COALESCE(${alternatives.join(', ')})`} AS ${f.name}`;
    });
    return `SELECT event, ${items.join(', ')} FROM (SELECT event, CAST(event AS jsonb) AS j FROM ${from} WHERE pg_input_is_valid(event, 'jsonb')) AS x`;
  },
  groups: (t, pattern) => `regexp_match(${t}, ${sqlString(pattern)})`,
  group: (column, n) => `COALESCE(${column}[${n}], '')`,
  div: (a, b) => `((${a}) / (${b}))`,
  int: (t) => `CAST(${t} AS bigint)`,
  containsAny: (t, needles) => `(${needles.map((n) => `${t} ILIKE ${sqlString(`%${n}%`)}`).join(' OR ')})`,
  explode(from, keep, columns, rows, elements) {
    const cast = (values: readonly string[]) => columns.map((c, i) => `CAST(${values[i]} AS ${c.type === 'int' ? 'bigint' : 'text'})`).join(', ');
    const names = columns.map((c) => c.name).join(', ');
    let body = `SELECT * FROM (VALUES ${rows.map((r) => `(${cast(r)})`).join(', ')}) AS v(${names})`;
    if (elements) {
      const el = { pos: '(e.n - 1)', id: text(`(e.el -> 'id')`), type: text(`(e.el -> 'type')`) };
      body += ` UNION ALL SELECT ${cast(elements.row(el))} FROM jsonb_array_elements(CAST(x.${elements.array} AS jsonb)) WITH ORDINALITY AS e(el, n)`;
    }
    const out = [...keep.map((k) => `x.${k} AS ${k}`), ...columns.map((c) => `u.${c.name} AS ${c.name}`)];
    return `SELECT ${out.join(', ')} FROM ${from} AS x CROSS JOIN LATERAL (${body}) AS u(${names})`;
  },
  // A subquery with OFFSET is never pulled up into the query reading it (nor materialized).
  fence: ' OFFSET 0',
  suffix: '',
};
