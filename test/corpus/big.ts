// Sizes and depths: 64 MiB lines (group huge), 10 000-deep nesting, numbers with 400 digits.
import type { CorpusCase } from './case.js';
import { assembleCase, broken, ok, replaceField, sample, sampleWith, type Piece } from './build.js';
import { AT, prettyElement, RECORDS } from './sample.js';

const group = 'big';
const R = RECORDS;
const HUGE = 64 * 1024 * 1024;

/** The one lazy case built last (cases run one at a time, so at most one is kept). */
let built: { name: string; c: CorpusCase } | null = null;

/**
 * A case built only when it runs, so the 64 MiB cases are not all in memory at once: the first
 * access to `bytes`, `good`, `bad` or `args` builds it; building another lazy case drops it.
 */
function lazy(name: string, build: () => CorpusCase): CorpusCase {
  const get = () => {
    if (built?.name !== name) built = { name, c: build() };
    return built.c;
  };
  return {
    name,
    group: 'huge',
    file: 'input.ndjson',
    exit: 0,
    bytes: () => get().bytes(),
    get good() {
      return get().good;
    },
    get bad() {
      return get().bad;
    },
    get args() {
      return get().args;
    },
  };
}

/** The far record with a 64 MiB string field in front (a usable, enormous event). */
const hugeRecord = () => `{"pad":"${'x'.repeat(HUGE)}",${R[AT.after]!.slice(1)}`;

/** `depth` levels of arrays around 1, as JSON text. */
const deepArray = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);
/** `depth` levels of objects, as JSON text. */
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Every size and depth case. */
export function bigCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const add = (name: string, pieces: Piece[], layout?: Parameters<typeof assembleCase>[2]) => out.push(assembleCase({ name: `big-${name}`, group }, pieces, layout));

  out.push(lazy('big-64mib-line-good', () => assembleCase({ name: '', group }, sampleWith(AT.after, ok(hugeRecord())))));
  out.push(lazy('big-64mib-line-over-max-record-mb', () => assembleCase({ name: '', group, args: ['--max-record-mb', '16'] }, sampleWith(AT.after, broken(hugeRecord(), 'record over 16 MiB')))));
  out.push(lazy('big-64mib-garbage-line', () => assembleCase({ name: '', group }, [...sample(0, 10), broken('x'.repeat(HUGE), '64 MiB of junk'), ...sample(10)])));
  out.push(lazy('big-64mib-unterminated-string', () => assembleCase({ name: '', group }, [...sample(0, 10), broken(`{"uuid":"${'x'.repeat(HUGE)}`, 'string never closed'), ...sample(10)])));
  out.push(
    lazy('big-64mib-pretty-element', () => {
      const pieces = R.map((r, i) => (i === AT.after ? { bytes: prettyElement(hugeRecord()), good: hugeRecord() } : { bytes: prettyElement(r), good: r }));
      return assembleCase({ name: '', group, file: 'input.json' }, pieces, { open: '[\n', sep: ',\n', close: '\n]\n' });
    }),
  );

  for (const [where, i] of Object.entries({ far: AT.after, revoke: AT.firstRevoke, window: AT.tokenCall })) {
    add(`deep-10000-arrays-in-${where}`, sampleWith(i, broken(replaceField(R[i]!, 'debugContext', deepArray(10_000)), 'nested 10 000 deep')));
    add(`deep-10000-objects-in-${where}`, sampleWith(i, broken(replaceField(R[i]!, 'debugContext', deepObject(10_000)), 'nested 10 000 deep')));
  }
  add('deep-100000-in-far', sampleWith(AT.after, broken(replaceField(R[AT.after]!, 'debugContext', deepArray(100_000)), 'nested 100 000 deep')));
  add('deep-1000-is-fine', sampleWith(AT.tokenCall, ok(replaceField(R[AT.tokenCall]!, 'debugContext', deepArray(998)))));
  add('deep-array-line', [...sample(0, 10), broken(deepArray(10_000), 'an array of arrays, 10 000 deep'), ...sample(10)]);
  add('deep-object-line', [...sample(0, 10), broken(deepObject(10_000), 'objects 10 000 deep, no event'), ...sample(10)]);
  const deepPretty = (r: string) => prettyElement(replaceField(r, 'debugContext', '"__deep__"')).replace('"__deep__"', deepArray(10_000));
  add('deep-pretty-element', R.map((r, i) => (i === AT.after ? broken(deepPretty(r), 'nested 10 000 deep') : { bytes: prettyElement(r), good: r })), {
    open: '[\n',
    sep: ',\n',
    close: '\n]\n',
  });

  const digits = '9'.repeat(400);
  const numbers: Record<string, string> = { big: digits, negative: `-${digits}`, exponent: '1e400', tiny: `0.${'0'.repeat(399)}1`, 'long-fraction': `1.${digits}` };
  for (const [name, n] of Object.entries(numbers)) {
    const withNumber = (text: string) => text.replace(/"asNumber":\d+/, `"asNumber":${n}`);
    add(`number-${name}-window`, sampleWith(AT.tokenCall, ok(withNumber(R[AT.tokenCall]!))));
    add(`number-${name}-revoke`, sampleWith(AT.firstRevoke, ok(withNumber(R[AT.firstRevoke]!))));
  }
  add('number-as-token-id', sampleWith(AT.firstRevoke, ok(R[AT.firstRevoke]!.replace('"id":"00Tci7dPlY3kT9wQx5d7"', `"id":${digits}`))));
  return out;
}
