// Every value modifier, from the Sigma modifiers appendix: what it matches and what it rejects.
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/rules/index.js';
import { detect, detectYaml } from './helpers.js';

const one = (field: string, value: unknown, options?: Parameters<typeof detect>[1]) =>
  detect({ sel: { [field]: value }, condition: 'sel' }, options);

describe('string position modifiers', () => {
  it('contains, startswith, endswith', () => {
    const c = one('f|contains', 'api_token');
    expect(c.matches({ f: 'system.API_TOKEN.revoke' })).toBe(true);
    expect(c.matches({ f: 'system.api-token' })).toBe(false);
    const s = one('f|startswith', 'system.');
    expect(s.matches({ f: 'System.x' })).toBe(true);
    expect(s.matches({ f: 'x.system.' })).toBe(false);
    const e = one('f|endswith', '.revoke');
    expect(e.matches({ f: 'system.api_token.REVOKE' })).toBe(true);
    expect(e.matches({ f: 'system.api_token.revoke2' })).toBe(false);
  });

  it('keep wildcards inside the value', () => {
    const r = one('f|contains', 'a?c');
    expect(r.matches({ f: 'xxabcxx' })).toBe(true);
    expect(r.matches({ f: 'xxacxx' })).toBe(false);
  });

  it('all: every value of the list must match', () => {
    const r = one('f|contains|all', ['alpha', 'beta']);
    expect(r.matches({ f: 'beta then alpha' })).toBe(true);
    expect(r.matches({ f: 'alpha only' })).toBe(false);
    const arr = one('target.type|all', ['User', 'Token']);
    expect(arr.matches({ target: [{ type: 'User' }, { type: 'Token' }] })).toBe(true);
    expect(arr.matches({ target: [{ type: 'User' }] })).toBe(false);
  });

  it('cased: case-sensitive comparison', () => {
    const r = one('f|cased', 'Token');
    expect(r.matches({ f: 'Token' })).toBe(true);
    expect(r.matches({ f: 'token' })).toBe(false);
    const cc = one('f|contains|cased', 'API');
    expect(cc.matches({ f: 'the API x' })).toBe(true);
    expect(cc.matches({ f: 'the api x' })).toBe(false);
  });

  it('windash: a leading - or / matches any dash-like character', () => {
    const r = one('cmd|windash|contains', ' -param');
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) expect(r.matches({ cmd: `tool ${dash}param x` })).toBe(true);
    expect(r.matches({ cmd: 'tool +param' })).toBe(false);
    const inner = one('cmd|windash', 'a-b');
    expect(inner.matches({ cmd: 'a/b' })).toBe(false);
    expect(inner.matches({ cmd: 'a-b' })).toBe(true);
  });
});

describe('re', () => {
  it('searches anywhere, case-sensitively by default', () => {
    const r = one('actor.alternateId|re', '^0oa[a-z0-9]+$');
    expect(r.matches({ actor: { alternateId: '0oa1abc' } })).toBe(true);
    expect(r.matches({ actor: { alternateId: '0OA1abc' } })).toBe(false);
    expect(one('f|re', 'oke').matches({ f: 'revoke' })).toBe(true);
  });

  it('i, m, s sub-modifiers', () => {
    expect(one('f|re|i', '^0OA').matches({ f: '0oa1' })).toBe(true);
    expect(one('f|re', '^b$').matches({ f: 'a\nb' })).toBe(false);
    expect(one('f|re|m', '^b$').matches({ f: 'a\nb' })).toBe(true);
    expect(one('f|re', 'a.b').matches({ f: 'a\nb' })).toBe(false);
    expect(one('f|re|s', 'a.b').matches({ f: 'a\nb' })).toBe(true);
  });

  it('tests numbers and booleans by their text', () => {
    expect(one('n|re', '^7\\d\\d$').matches({ n: 701 })).toBe(true);
  });

  it('must apply to the value as written', () => {
    expect(() => one('f|contains|re', 'x')).toThrow(/'re' must come first/);
    expect(() => one('f|i', 'x')).toThrow(/'i' cannot be applied to a string/);
  });
});

describe('cidr', () => {
  it('IPv4 networks, including IPv4-mapped IPv6 addresses', () => {
    const r = one('client.ipAddress|cidr', ['10.0.0.0/8', '192.168.1.0/24']);
    expect(r.matches({ client: { ipAddress: '10.20.30.40' } })).toBe(true);
    expect(r.matches({ client: { ipAddress: '192.168.1.255' } })).toBe(true);
    expect(r.matches({ client: { ipAddress: '192.168.2.1' } })).toBe(false);
    expect(r.matches({ client: { ipAddress: '::ffff:10.1.2.3' } })).toBe(true);
    expect(r.matches({ client: { ipAddress: '11.0.0.1' } })).toBe(false);
    expect(r.matches({ client: { ipAddress: 'not an ip' } })).toBe(false);
    expect(r.matches({ client: { ipAddress: '010.1.1.1' } })).toBe(false);
    expect(one('ip|cidr', '1.2.3.4').matches({ ip: '1.2.3.4' })).toBe(true);
    expect(one('ip|cidr', '0.0.0.0/0').matches({ ip: '255.255.255.255' })).toBe(true);
  });

  it('IPv6 networks', () => {
    const r = one('ip|cidr', '2001:db8::/32');
    expect(r.matches({ ip: '2001:db8:0:1::5' })).toBe(true);
    expect(r.matches({ ip: '2001:DB8::' })).toBe(true);
    expect(r.matches({ ip: '2001:db9::1' })).toBe(false);
    expect(r.matches({ ip: '10.0.0.1' })).toBe(false);
    const narrow = one('ip|cidr', 'fe80::1:0/124');
    expect(narrow.matches({ ip: 'fe80::1:f' })).toBe(true);
    expect(narrow.matches({ ip: 'fe80::1:10' })).toBe(false);
    expect(narrow.matches({ ip: 'fe80::1:3%eth0' })).toBe(true);
    expect(one('ip|cidr', '::ffff:0:0/96').matches({ ip: '::ffff:1.2.3.4' })).toBe(true);
  });

  it('rejects bad networks', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fe80::/129', 'nope', '1.2.3.4/x']) {
      expect(() => one('ip|cidr', bad), bad).toThrow(/invalid CIDR network/);
    }
  });
});

describe('exists', () => {
  it('checks presence only: null and empty values exist', () => {
    const yes = one('securityContext.isProxy|exists', true);
    expect(yes.matches({ securityContext: { isProxy: null } })).toBe(true);
    expect(yes.matches({ securityContext: { isProxy: '' } })).toBe(true);
    expect(yes.matches({ securityContext: {} })).toBe(false);
    const no = one('securityContext.isProxy|exists', false);
    expect(no.matches({ securityContext: {} })).toBe(true);
    expect(no.matches({ securityContext: { isProxy: false } })).toBe(false);
    expect(one('target.details|exists', true).matches({ target: [{}, { details: null }] })).toBe(true);
  });

  it('needs a boolean and a field', () => {
    expect(() => one('f|exists', 'maybe')).toThrow(/needs true or false/);
    expect(() => detect({ sel: { '|exists': true }, condition: 'sel' })).toThrow(/keyword searches cannot use/);
  });
});

describe('base64 and base64offset', () => {
  it('base64 matches the encoded value', () => {
    const r = one('f|base64', 'hello');
    expect(r.matches({ f: 'aGVsbG8=' })).toBe(true);
    expect(r.matches({ f: 'hello' })).toBe(false);
    expect(one('f|base64|contains', 'hello').matches({ f: 'x aGVsbG8= y' })).toBe(true);
  });

  it('base64offset|contains finds the value at any offset of an encoded string', () => {
    const r = one('f|base64offset|contains', 'http://');
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd', 'abcde']) {
      for (const suffix of ['', 'x', 'xy', 'xyz']) {
        const encoded = Buffer.from(`${prefix}http://${suffix}`).toString('base64');
        expect(r.matches({ f: encoded }), `${prefix}|${suffix}`).toBe(true);
      }
    }
    expect(r.matches({ f: Buffer.from('https://').toString('base64') })).toBe(false);
  });

  it('with wide, encodes UTF-16LE', () => {
    const r = one('f|wide|base64offset|contains', 'ping');
    for (const prefix of ['', 'c', 'cm', 'cmd ']) {
      expect(r.matches({ f: Buffer.from(`${prefix}ping 10.0.0.1`, 'utf16le').toString('base64') })).toBe(true);
    }
    expect(r.matches({ f: Buffer.from('ping 10.0.0.1').toString('base64') })).toBe(false);
  });

  it('refuses wildcards', () => {
    expect(() => one('f|base64', 'a*')).toThrow(/without wildcards/);
  });
});

describe('numeric comparisons', () => {
  it('gt, gte, lt, lte on numbers and numeric strings', () => {
    expect(one('n|gt', 5).matches({ n: 6 })).toBe(true);
    expect(one('n|gt', 5).matches({ n: 5 })).toBe(false);
    expect(one('n|gte', 5).matches({ n: '5' })).toBe(true);
    expect(one('n|lt', 5).matches({ n: 4.5 })).toBe(true);
    expect(one('n|lte', 5).matches({ n: 6 })).toBe(false);
    expect(one('n|lt', 5).matches({ n: 'abc' })).toBe(false);
    expect(one('n|lt', 5).matches({})).toBe(false);
    expect(one('n|lt', 5).matches({ n: '' })).toBe(false);
  });

  it('need a number', () => {
    expect(() => one('n|gt', 'five')).toThrow(/needs a number/);
  });
});

describe('fieldref', () => {
  it('compares two fields of the event', () => {
    const r = one('actor.alternateId|fieldref', 'target.alternateId');
    expect(r.matches({ actor: { alternateId: 'Bob@x' }, target: [{ alternateId: 'alice@x' }, { alternateId: 'bob@X' }] })).toBe(true);
    expect(r.matches({ actor: { alternateId: 'bob@x' }, target: [{ alternateId: 'alice@x' }] })).toBe(false);
    expect(r.matches({ actor: {}, target: [] })).toBe(false);
  });

  it('with contains, startswith, endswith', () => {
    const doc = { a: 'prefix-MIDDLE-suffix', m: 'middle', p: 'PREFIX', s: 'suffix' };
    expect(one('a|fieldref|contains', 'm').matches(doc)).toBe(true);
    expect(one('a|fieldref|startswith', 'p').matches(doc)).toBe(true);
    expect(one('a|fieldref|endswith', 's').matches(doc)).toBe(true);
    expect(one('a|fieldref|startswith', 's').matches(doc)).toBe(false);
    expect(one('a|fieldref', 'm').matches(doc)).toBe(false);
  });
});

describe('expand', () => {
  it('replaces placeholders with the given values (OR)', () => {
    const r = one('actor.alternateId|expand', '%Administrators%', { placeholders: { Administrators: ['root@x', 'admin*'] } });
    expect(r.matches({ actor: { alternateId: 'root@x' } })).toBe(true);
    expect(r.matches({ actor: { alternateId: 'admin.bob@x' } })).toBe(true);
    expect(r.matches({ actor: { alternateId: 'bob@x' } })).toBe(false);
    const mixed = detectYaml(String.raw`
sel:
    f|expand: '\%plain%name%'
condition: sel`, { placeholders: { name: ['x'] } });
    expect(mixed.matches({ f: '%plainx' })).toBe(true);
  });

  it('leaves %name% alone without the modifier', () => {
    expect(one('f', '%name%').matches({ f: '%name%' })).toBe(true);
  });

  it('reports unresolved placeholders as a rule problem', () => {
    expect(() => one('f|expand', '%Servers%')).toThrow(RuleError);
    expect(() => one('f|expand', '%Servers%', { placeholders: { Servers: [] } })).toThrow(/unresolved placeholder '%Servers%'/);
    expect(() => one('f|expand', '%constructor%', { placeholders: {} })).toThrow(/unresolved placeholder '%constructor%'/);
  });
});

describe('neq', () => {
  it('matches when none of the values match', () => {
    const r = one('actor.type|neq', ['SystemPrincipal', 'PublicClientApp']);
    expect(r.matches({ actor: { type: 'User' } })).toBe(true);
    expect(r.matches({ actor: { type: 'systemprincipal' } })).toBe(false);
  });
});

describe('modifier errors', () => {
  it('unknown and unsupported modifiers', () => {
    expect(() => one('f|foo', 'x')).toThrow("unknown modifier 'foo' in selection 'sel'");
    expect(() => one('f|hour', 1)).toThrow(/modifier 'hour' is not supported/);
  });

  it('all with a single value, and values of the wrong type', () => {
    expect(() => one('f|all', 'x')).toThrow(/'all' needs a list/);
    expect(() => one('f|contains', null)).toThrow(/cannot be applied to null/);
    expect(() => one('f', [{ nested: 1 }])).toThrow(/values must be strings/);
    expect(() => one('f', [])).toThrow(/empty list of values/);
  });
});
