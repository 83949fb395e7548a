// Indents one JSON value's text for reading, keeping every string, number and escape exactly as written (the page's original viewer uses it).

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

/**
 * `text` (one valid JSON value) laid out with one member or element per line, `indent` per level,
 * and `": "` after keys. Unlike `JSON.stringify(JSON.parse(text), null, 2)` it changes no token:
 * large numbers keep every digit, repeated keys and escapes stay as written. Empty objects and
 * arrays stay on one line (`{}`, `[]`).
 */
export function prettyJson(text: string, indent = '  '): string {
  const parts: string[] = [];
  const n = text.length;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      parts.push(text.slice(i, j + 1));
      i = j;
    } else if (c === '{' || c === '[') {
      let k = i + 1;
      while (k < n && isSpace(text[k]!)) k++;
      const close = c === '{' ? '}' : ']';
      if (text[k] === close) {
        parts.push(c + close);
        i = k;
      } else {
        depth++;
        parts.push(`${c}\n${indent.repeat(depth)}`);
      }
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      parts.push(`\n${indent.repeat(depth)}${c}`);
    } else if (c === ',') {
      parts.push(`,\n${indent.repeat(depth)}`);
    } else if (c === ':') {
      parts.push(': ');
    } else if (!isSpace(c)) {
      let j = i + 1;
      while (j < n && !'{}[],:" \n\r\t'.includes(text[j]!)) j++;
      parts.push(text.slice(i, j));
      i = j - 1;
    }
  }
  return parts.join('');
}
