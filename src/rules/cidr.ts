// The `cidr` modifier: IPv4 and IPv6 networks, and allocation-free address parsing for matching.
import { Problem, quote } from './errors.js';

/** Parses a dotted-quad IPv4 address in `s[from, to)`; -1 when it is not one. No leading zeros. */
export function parseIPv4(s: string, from = 0, to = s.length): number {
  let value = 0;
  let parts = 0;
  let i = from;
  while (parts < 4) {
    const start = i;
    let octet = 0;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      octet = octet * 10 + (c - 48);
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3 || octet > 255 || (len > 1 && s.charCodeAt(start) === 48)) return -1;
    value = value * 256 + octet;
    parts++;
    if (parts < 4) {
      if (i >= to || s.charCodeAt(i) !== 46) return -1;
      i++;
    }
  }
  return i === to ? value : -1;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Parses an IPv6 address (with `::`, an embedded IPv4 tail and an optional `%zone`) into the eight
 * 16-bit groups of `out`; false when `s` is not one. Allocation-free.
 */
export function parseIPv6(s: string, out: Uint16Array): boolean {
  let end = s.indexOf('%');
  if (end < 0) end = s.length;
  if (end < 2) return false;
  let n = 0;
  let gap = -1;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
    if (i === end) {
      out.fill(0);
      return true;
    }
  }
  while (i < end) {
    if (n >= 8) return false;
    let j = i;
    let group = 0;
    while (j < end && j - i < 5) {
      const d = hexDigit(s.charCodeAt(j));
      if (d < 0) break;
      group = group * 16 + d;
      j++;
    }
    if (j < end && s.charCodeAt(j) === 46) {
      if (n > 6) return false;
      const v4 = parseIPv4(s, i, end);
      if (v4 < 0) return false;
      out[n++] = Math.floor(v4 / 65536);
      out[n++] = v4 % 65536;
      break;
    }
    if (j === i || j - i > 4) return false;
    out[n++] = group;
    i = j;
    if (i === end) break;
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    if (s.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = n;
      i++;
      if (i === end) break;
    } else if (i === end) return false;
  }
  if (gap < 0) return n === 8;
  if (n >= 8) return false;
  const tail = n - gap;
  for (let k = 0; k < tail; k++) out[7 - k] = out[n - 1 - k]!;
  for (let k = gap; k < 8 - tail; k++) out[k] = 0;
  return true;
}

const scratch = new Uint16Array(8);

/**
 * Compiles a `cidr` value (`10.0.0.0/8`, `2001:db8::/32`; no prefix = one address) to a test of
 * address strings. IPv4 networks also match IPv4-mapped IPv6 addresses (`::ffff:10.1.2.3`).
 * Host bits in the network address are ignored. Throws {@link Problem} for bad values.
 */
export function compileCidr(value: string): (address: string) => boolean {
  const slash = value.indexOf('/');
  const addr = slash < 0 ? value : value.slice(0, slash);
  const prefixText = slash < 0 ? null : value.slice(slash + 1);
  const bad = (): never => {
    throw new Problem(`invalid CIDR network ${quote(value)}`);
  };
  if (prefixText !== null && !/^\d{1,3}$/.test(prefixText)) bad();
  const v4 = parseIPv4(addr);
  if (v4 >= 0) {
    const prefix = prefixText === null ? 32 : Number(prefixText);
    if (prefix > 32) bad();
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const net = (v4 & mask) >>> 0;
    return (s) => {
      let a = parseIPv4(s);
      if (a < 0 && parseIPv6(s, scratch)) {
        const mapped = scratch[0] === 0 && scratch[1] === 0 && scratch[2] === 0 && scratch[3] === 0 && scratch[4] === 0 && scratch[5] === 0xffff;
        if (mapped) a = scratch[6]! * 65536 + scratch[7]!;
      }
      return a >= 0 && ((a & mask) >>> 0) === net;
    };
  }
  const net6 = new Uint16Array(8);
  if (addr.includes('%') || !parseIPv6(addr, net6)) bad();
  const prefix = prefixText === null ? 128 : Number(prefixText);
  if (prefix > 128) bad();
  const masks = new Uint16Array(8);
  for (let k = 0; k < 8; k++) {
    const bits = Math.max(0, Math.min(16, prefix - 16 * k));
    masks[k] = bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
    net6[k] = net6[k]! & masks[k]!;
  }
  return (s) => {
    if (!parseIPv6(s, scratch)) return false;
    for (let k = 0; k < 8; k++) if ((scratch[k]! & masks[k]!) !== net6[k]) return false;
    return true;
  };
}
