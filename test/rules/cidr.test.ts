// Address parsing behind the cidr modifier: IPv4 and IPv6 forms that must parse and must not.
import { describe, expect, it } from 'vitest';
import { compileCidr, parseIPv4, parseIPv6 } from '../../src/rules/cidr.js';

const v6 = (s: string): number[] | null => {
  const out = new Uint16Array(8);
  return parseIPv6(s, out) ? [...out] : null;
};

describe('parseIPv4', () => {
  it('parses dotted quads', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('136.24.229.58')).toBe(((136 * 256 + 24) * 256 + 229) * 256 + 58);
  });

  it('rejects everything else', () => {
    for (const s of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.1.1.1', '1..2.3', '1.2.3.4 ', 'a.b.c.d', '1.2.3.-4']) {
      expect(parseIPv4(s), s).toBe(-1);
    }
  });
});

describe('parseIPv6', () => {
  it('parses full, compressed, mixed and zoned forms', () => {
    expect(v6('2001:db8:0:0:0:0:0:1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(v6('2001:DB8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(v6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(v6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(v6('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(v6('::ffff:10.1.2.3')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a01, 0x0203]);
    expect(v6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(v6('1:2:3:4:5:6:7::')).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
  });

  it('rejects malformed addresses', () => {
    for (const s of ['', ':', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8::', ':1::', '1:', '::1.2.3', '1.2.3.4']) {
      expect(v6(s), s).toBeNull();
    }
  });
});

describe('compileCidr', () => {
  it('ignores host bits in the network address', () => {
    const inNet = compileCidr('10.1.2.3/8');
    expect(inNet('10.200.0.1')).toBe(true);
    expect(inNet('11.0.0.0')).toBe(false);
  });
});
