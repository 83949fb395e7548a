// Case folding per UTF-16 code unit, allocation-free, shared by string and field path matching.

/** Lower-case mapping of code units >= 128, filled lazily (0 = not computed yet). */
let lowerHigh: Uint16Array | null = null;

function single(mapped: string, c: number): number {
  return mapped.length === 1 ? mapped.charCodeAt(0) : c;
}

/**
 * Lower-cases one UTF-16 code unit, as `String.prototype.toLowerCase` does when the result is a
 * single code unit (otherwise, e.g. U+0130, the unit is kept). Never allocates after the first
 * call for a given non-ASCII unit.
 */
export function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  lowerHigh ??= new Uint16Array(65536);
  let f = lowerHigh[c]!;
  if (f === 0) {
    f = single(String.fromCharCode(c).toLowerCase(), c);
    lowerHigh[c] = f;
  }
  return f;
}

/** `s` with every code unit folded by {@link fold} (same length as `s`). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold(s.charCodeAt(i)));
  return out;
}

/** true when `s` equals `folded` (already folded) case-insensitively; no allocation. */
export function equalsFolded(s: string, folded: string): boolean {
  const n = s.length;
  if (n !== folded.length) return false;
  for (let i = 0; i < n; i++) if (fold(s.charCodeAt(i)) !== folded.charCodeAt(i)) return false;
  return true;
}

/** true when `t` occurs in `s` at `pos`, case-insensitively (neither string pre-folded). */
export function regionEqualsFold(s: string, pos: number, t: string): boolean {
  if (pos < 0 || pos + t.length > s.length) return false;
  for (let i = 0; i < t.length; i++) if (fold(s.charCodeAt(pos + i)) !== fold(t.charCodeAt(i))) return false;
  return true;
}
