// Mixed and confusing content: layouts spliced together, glued lines, tiny and empty inputs.
import type { CorpusCase } from './case.js';
import { assembleCase, broken, ok, sample, type Piece } from './build.js';
import { AT, prettyElement, RECORDS } from './sample.js';

const group = 'mixed';
const R = RECORDS;

/** Records `from`..`to` as one array piece of the given layout: every element good. */
function arrayPiece(from: number, to: number, pretty: boolean): Piece[] {
  const rs = R.slice(from, to);
  const text = pretty ? `[\n${rs.map(prettyElement).join(',\n')}\n]` : `[${rs.join(',')}]`;
  // The array is one piece; its records are good, in order (the builder takes `good` one per piece).
  return [{ bytes: text, good: rs[0]! }, ...rs.slice(1).map((r) => ({ bytes: '', good: r }))];
}

/** Tiny inputs: name, content, exit code (3: no event to read, also when the only content is a problem), and whether it must be reported. */
const TINY: [string, string, 0 | 3, boolean][] = [
  ['empty', '', 3, false],
  ['only-blanks', ' \n\t\r\n  ', 3, false],
  ['only-bom', '\uFEFF', 3, false],
  ['bom-and-blanks', '\uFEFF \n\n', 3, false],
  ['null', 'null', 3, false],
  ['string', '"system.api_token.revoke"', 3, false],
  ['number', '42', 3, false],
  ['true', 'true', 3, false],
  ['closing-bracket', ']', 3, false],
  ['closing-brace', '}', 3, false],
  ['binary-zip', 'PK\u0003\u0004\u0014\u0000\u0000\u0000', 3, false],
  ['empty-array', '[]', 0, false],
  ['empty-array-pretty', '[\n]\n', 0, false],
  ['empty-object', '{}', 3, true],
  ['open-bracket', '[', 3, true],
  ['open-brace', '{', 3, true],
  ['array-of-null', '[null]', 3, true],
  ['array-of-scalars', '[1, "x", true, null]', 3, true],
  ['array-of-empty-objects', '[{}, {}, {}]', 3, true],
  ['stray-brace-in-array', '[}', 3, true],
];

/** Every mixed-content case. */
export function mixedCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const add = (name: string, pieces: Piece[], layout?: Parameters<typeof assembleCase>[2], file?: string, defaultMayMiss?: string[]) =>
    out.push(assembleCase({ name: `mixed-${name}`, group, file, defaultMayMiss }, pieces, layout));

  for (const [what, i] of Object.entries({ window: AT.tokenCall, revoke: AT.firstRevoke, create: AT.create })) {
    const pretty = JSON.stringify(JSON.parse(R[i]!), null, 2);
    add(`ndjson-with-pretty-object-${what}`, [...sample(0, i), ok(pretty), ...sample(i + 1)]);
    add(`ndjson-with-tab-indented-object-${what}`, [...sample(0, i), ok(JSON.stringify(JSON.parse(R[i]!), null, '\t')), ...sample(i + 1)]);
  }
  add('ndjson-with-pretty-array-inside', [...sample(0, 10), ...arrayPiece(10, 20, true), ...sample(20)]);
  add('ndjson-with-compact-array-line', [...sample(0, 10), ...arrayPiece(10, 20, false), ...sample(20)]);
  add('compact-array-then-ndjson', [...arrayPiece(0, 20, false), ...sample(20)], undefined, 'input.json');
  add('pretty-array-then-ndjson', [...arrayPiece(0, 20, true), ...sample(20)], undefined, 'input.json');
  add('ndjson-then-pretty-array', [...sample(0, 26), ...arrayPiece(26, 46, true)]);
  add('compact-pages-touching', [...arrayPiece(0, 15, false), ...arrayPiece(15, 30, false), ...arrayPiece(30, 46, false)], { sep: '', close: '' }, 'input.json');
  add('compact-pages-on-lines', [...arrayPiece(0, 15, false), ...arrayPiece(15, 46, false)], undefined, 'input.json');
  add('pretty-pages', [...arrayPiece(0, 23, true), ...arrayPiece(23, 46, true)], undefined, 'input.json');
  add('pretty-then-compact-page', [...arrayPiece(0, 23, true), ...arrayPiece(23, 46, false)], undefined, 'input.json');
  add('whole-sample-twice', [...sample(), ...sample()]);
  // Files concatenated when the first lacks its final newline: two records on one line.
  // 27 is nobody's; 28 is linked to windows only through its actor (Ann, the revoker and owner).
  for (const [what, i] of Object.entries({ window: 20, revocations: AT.firstRevoke, create: AT.create, 'actor-only': 27 })) {
    for (const [glue, sep] of Object.entries({ touching: '', space: ' ', cr: '\r' })) {
      const glued = { bytes: R[i]! + sep + R[i + 1]!, good: R[i]!, bad: 'two records on one line' };
      // Without --validate, the actor probe reads only the first record's actor (README, Limits).
      const mayMiss = what === 'actor-only' ? [(JSON.parse(R[i + 1]!) as { uuid: string }).uuid] : undefined;
      add(`glued-${glue}-${what}`, [...sample(0, i), glued, { bytes: '', good: R[i + 1]! }, ...sample(i + 2)], undefined, undefined, mayMiss);
    }
  }
  const ends = (from: number, to: number, end: string) => R.slice(from, to).map((r) => ({ bytes: r + end, good: r }));
  const crSection = [{ bytes: R.slice(10, 20).join('\r') + '\n', good: R[10]!, bad: 'records separated by CR only' }, ...R.slice(11, 20).map((r) => ({ bytes: '', good: r }))];
  add('cr-only-section-after-lf', [...ends(0, 10, '\n'), ...crSection, ...ends(20, 46, '\n')], { sep: '', close: '' });
  add('records-with-trailing-commas', sample().flatMap((p) => [p, broken(',\n', 'a comma after a record')]), { sep: '' });
  add('record-then-garbage-on-its-line', [...ends(0, 30, '\n'), ok(R[30]!), broken(' <- not JSON\n', 'garbage after a record'), ...ends(31, 46, '\n')], { sep: '', close: '' });
  add('object-without-event-lines', [...sample(0, 12), broken('{"hello":"world"}', 'no eventType'), broken('{"eventType":"x"}', 'no published'), ...sample(12)]);
  add('array-with-a-stray-brace', [...arrayPiece(0, 20, false).map((p, k) => (k === 0 ? { ...p, bytes: (p.bytes as string).slice(0, -1) } : p)), broken('}', 'a stray brace'), { bytes: ']' }], { sep: '', close: '' }, 'input.json');
  // Junk before the first record (a header line, a damaged first byte) costs only itself.
  add('header-line-before-ndjson', [broken('exported from the SIEM on 2024-03-06', 'a header line'), ...sample()]);
  add('first-byte-damaged', [broken('"' + R[0]!.slice(1), 'first byte damaged'), ...sample(1)]);
  add('header-line-before-pretty-array', [broken('# okta logs', 'a header line'), ...arrayPiece(0, 46, true)], undefined, 'input.json');
  add('array-of-arrays', [broken(`[[${R[0]}]]`, 'an array inside an array'), ...sample(1)]);
  for (const [name, text, exit, hasBad] of TINY) {
    out.push(assembleCase({ name: `mixed-tiny-${name}`, group, file: 'tiny.json', exit }, hasBad ? [broken(text, name)] : [{ bytes: text }], { close: '' }));
  }
  return out;
}
