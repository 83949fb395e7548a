// Cut points inside one JSON record, by structural position class (for the truncation cases).

/** Where a cut falls. */
export type CutClass =
  | 'after-open'
  | 'after-key'
  | 'after-colon'
  | 'in-string'
  | 'mid-escape'
  | 'mid-unicode-escape'
  | 'mid-utf8'
  | 'mid-number'
  | 'mid-literal'
  | 'after-comma'
  | 'before-close'
  | 'after-record';

/**
 * The first cut point of each class in the record `buf[start, end)`: the cut keeps the bytes
 * before it. Classes the record does not offer (no escape, no non-ASCII text) are absent.
 */
export function cutPoints(buf: Buffer, start: number, end: number): Map<CutClass, number> {
  const found = new Map<CutClass, number>();
  const note = (c: CutClass, at: number) => {
    if (!found.has(c)) found.set(c, at);
  };
  const stack: ('o' | 'a')[] = [];
  let expectKey = false;
  let inStr = false;
  let isKey = false;
  let esc = false;
  let strLen = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (inStr) {
      strLen++;
      if (esc) {
        esc = false;
        if (b === 0x75 /* u */) note('mid-unicode-escape', i + 2);
      } else if (b === 0x5c) {
        esc = true;
        note('mid-escape', i + 1);
      } else if (b === 0x22) {
        inStr = false;
        if (isKey) note('after-key', i + 1);
      } else if (b >= 0xc0) {
        note('mid-utf8', i + 1);
      } else if (!isKey && strLen > 3 && b >= 0x61 && b <= 0x7a) {
        note('in-string', i);
      }
      continue;
    }
    if (b === 0x22) {
      inStr = true;
      isKey = stack.at(-1) === 'o' && expectKey;
      strLen = 0;
    } else if (b === 0x7b || b === 0x5b) {
      stack.push(b === 0x7b ? 'o' : 'a');
      expectKey = b === 0x7b;
      if (i === start) note('after-open', i + 1);
    } else if (b === 0x7d || b === 0x5d) {
      stack.pop();
    } else if (b === 0x3a) {
      expectKey = false;
      note('after-colon', i + 1);
    } else if (b === 0x2c) {
      expectKey = stack.at(-1) === 'o';
      note('after-comma', i + 1);
    } else if (b >= 0x30 && b <= 0x39 && buf[i - 1]! >= 0x30 && buf[i - 1]! <= 0x39) {
      note('mid-number', i);
    } else if ((b === 0x6e || b === 0x74 || b === 0x66) && buf[i + 1]! >= 0x61 && buf[i + 1]! <= 0x7a) {
      note('mid-literal', i + 1);
    }
  }
  note('before-close', end - 1);
  note('after-record', end);
  return found;
}
