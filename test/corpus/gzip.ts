// Gzip damage: streams cut at every stage, bad checksums, trailing bytes, several members.
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { oneLine, type BadPart, type CorpusCase } from './case.js';
import { layouts, type Layout } from './sample.js';

const group = 'gzip';

/** What zlib can inflate from `gz` (a prefix of the plain text, possibly empty). */
function inflatable(gz: Buffer): Buffer {
  try {
    return gunzipSync(gz, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

/** zlib reads `gz` to its end without complaint. */
function gunzipsCleanly(gz: Buffer): boolean {
  try {
    gunzipSync(gz);
    return true;
  } catch {
    return false;
  }
}

/** A case whose plain stream is `plain` (a prefix of `layout.text`), damaged where it stops. */
function gzipCase(name: string, layout: Layout, gz: Buffer, plain: Buffer, damage: BadPart[], args?: string[]): CorpusCase {
  const complete = layout.ranges.filter(([, end]) => end <= plain.length).length;
  const bad = [...damage];
  if (damage.length === 0 && !gunzipsCleanly(gz)) {
    // The stream stops early: the first incomplete record (or the array left open) is reported,
    // and so is the cut (at the end of what could be inflated).
    const cut = complete < layout.ranges.length ? Math.min(layout.ranges[complete]![0], plain.length) : plain.length;
    bad.push({ start: cut, end: Infinity, what: 'stream stops early' });
  }
  return {
    name: `gzip-${name}`,
    group,
    file: 'input.json.gz',
    args,
    exit: plain.length === 0 ? 3 : 0,
    bytes: () => gz,
    plain: () => plain,
    good: layout.records.slice(0, complete).map(oneLine),
    bad,
  };
}

/** Sets flags and inserts a file name and comment into a gzip header (RFC 1952). */
function withNameAndComment(gz: Buffer): Buffer {
  const head = Buffer.from(gz.subarray(0, 10));
  head[3] = head[3]! | 8 | 16;
  return Buffer.concat([head, Buffer.from('okta-export.ndjson\0from the SIEM\0', 'latin1'), gz.subarray(10)]);
}

/** Every gzip case, for the NDJSON and the pretty-array layouts. */
export function gzipCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const layout of layouts().filter((l) => l.name === 'ndjson' || l.name === 'pretty')) {
    const text = layout.text;
    const gz = gzipSync(text);
    const n = gz.length;
    /** `damage` given: the data is all there (`text`) and only these problems are reported. */
    const at = (k: string, g: Buffer, damage: BadPart[] = []) =>
      out.push(gzipCase(`${layout.name}-${k}`, layout, g, damage.length ? text : inflatable(g), damage));
    const end: BadPart = { start: text.length, end: text.length, what: 'gzip problem at the end of the data' };
    for (const [k, cut] of Object.entries({ magic: 2, 'in-header': 5, 'header-only': 10, 'first-deflate-byte': 11, '20pct': n * 0.2, '50pct': n * 0.5, '80pct': n * 0.8, 'last-deflate-byte': n - 9, 'no-trailer': n - 8, 'half-trailer': n - 4, 'last-byte': n - 1 })) {
      at(`cut-${k}`, gz.subarray(0, Math.floor(cut)));
    }
    for (const [k, pos] of Object.entries({ crc: n - 8, length: n - 4 })) {
      const bad = Buffer.from(gz);
      bad[pos] = bad[pos]! ^ 0x5a;
      at(`bad-${k}`, bad, [end]);
    }
    at('trailing-garbage', Buffer.concat([gz, Buffer.from('<html><body>502 Bad Gateway</body></html>\n')]), [end]);
    at('trailing-zeros', Buffer.concat([gz, Buffer.alloc(4096)]));
    at('name-and-comment', withNameAndComment(gz));
    at('empty-member-first', Buffer.concat([gzipSync(''), gz]));
    const split = layout.ranges[23]![0];
    const first = gzipSync(text.subarray(0, split));
    const second = gzipSync(text.subarray(split));
    at('two-members', Buffer.concat([first, second]));
    const badFirst = Buffer.from(first);
    badFirst[badFirst.length - 6] = badFirst[badFirst.length - 6]! ^ 1;
    at('two-members-first-bad-crc', Buffer.concat([badFirst, second]), [{ start: split, end: split, what: 'member 1 fails its CRC' }]);
    at('two-members-second-cut', Buffer.concat([first, second.subarray(0, second.length >> 1)]));
    at('level-1', gzipSync(text, { level: 1 }));
    at('level-9', gzipSync(text, { level: 9 }));
  }
  const blank = (name: string, gz: Buffer) => out.push({ name: `gzip-${name}`, group, file: 'input.json.gz', exit: 3, bytes: () => gz, plain: () => inflatable(gz), good: [], bad: [] });
  blank('of-nothing', gzipSync(''));
  blank('of-blanks', gzipSync(' \n\n\t '));
  blank('twice', gzipSync(gzipSync(layouts()[0]!.text)));
  return out;
}
