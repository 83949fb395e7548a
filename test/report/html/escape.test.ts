// Escaping for the HTML report: text and attributes, log text with controls, JSON inside a <script>, report ids as URLs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, fragmentHref, logHtml, scriptJson } from '../../../src/report/html/escape.js';

describe('escapeHtml', () => {
  it('turns the five markup characters into references', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('Jörg Weiß 東京 ann@corp.example')).toBe('Jörg Weiß 東京 ann@corp.example');
  });
});

describe('logHtml', () => {
  it('shows controls and bidi overrides as escapes before escaping markup', () => {
    expect(logHtml('ann\u202egpj.exe<b>\u001b[2J')).toBe('ann\\u202egpj.exe&lt;b&gt;\\x1b[2J');
  });

  it('gives the fallback for null and empty values', () => {
    expect(logHtml(null)).toBe('-');
    expect(logHtml('', 'none')).toBe('none');
    expect(logHtml(undefined, '<x>')).toBe('&lt;x&gt;');
  });
});

describe('scriptJson', () => {
  it('cannot close the script element, open a comment or end a line of script', () => {
    const json = scriptJson(JSON.stringify({ name: '</script><script>alert(1)</script><!-- \u2028\u2029 & >' }));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script><!-- \u2028\u2029 & >' });
  });

  it('parses back to the same value, whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = scriptJson(JSON.stringify(value));
        expect(json).not.toMatch(/<\/|<!--|[\u2028\u2029]/i);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('fragmentHref', () => {
  it('makes a link to an id the report made', () => {
    expect(fragmentHref('r1-e12')).toBe('#r1-e12');
  });

  it('refuses anything else, so no log text becomes a URL', () => {
    for (const bad of ['javascript:alert(1)', 'r1"><x', '', 'R1', '1r', 'r 1']) expect(() => fragmentHref(bad)).toThrow(/not a report id/);
  });
});
