// Examples as copyable text: whole commands, or commands broken with ` \` that a shell joins back.
import { describe, expect, it } from 'vitest';
import { breakCommand, examplesText, wrapWords } from '../../src/cli/example-text.js';
import { RULES_EXAMPLES, SCAN_EXAMPLES } from '../../src/cli/help-sections.js';

/** What a shell reads from broken lines: each ` \` and line end, and the next line's indent, is one space. */
function joined(lines: string[]): string {
  return lines.join('\n').replace(/ \\\n\s*/g, ' ');
}

describe('breakCommand', () => {
  it('keeps a command that fits on one line', () => {
    expect(breakCommand('okta-revoke-scan export.ndjson', 40)).toEqual(['okta-revoke-scan export.ndjson']);
  });

  it('breaks between words with ` \\` and indents the continuation lines', () => {
    const lines = breakCommand('okta-revoke-scan --before 7d --after 1h export.ndjson', 36);
    expect(lines).toEqual(['okta-revoke-scan --before 7d \\', '    --after 1h export.ndjson']);
  });

  it('never breaks inside a quoted word', () => {
    const command = `okta-revoke-scan export.json | jq 'select(.revokedBy.kind == "user")'`;
    const lines = breakCommand(command, 40);
    expect(lines).toContain(`    'select(.revokedBy.kind == "user")'`);
    expect(joined(lines)).toBe(command);
  });

  it('gives a word longer than the width a line of its own', () => {
    expect(breakCommand('a bbbbbbbbbbbbbbbbbbbb c', 10)).toEqual(['a \\', '    bbbbbbbbbbbbbbbbbbbb \\', '    c']);
  });

  it('every example, at every width from 40 to 110: lines fit and join back to the command', () => {
    for (const e of [...SCAN_EXAMPLES, ...RULES_EXAMPLES]) {
      for (let width = 40; width <= 110; width++) {
        const lines = breakCommand(e.command, width);
        expect(joined(lines), `${e.command} at ${width}`).toBe(e.command);
        // Only a line holding one word (a quoted program) may be wider.
        for (const l of lines.filter((x) => x.length > width)) expect(l.trim().replace(/ \\$/, ''), l).toMatch(/^'[^']*'$/);
      }
    }
  });
});

describe('wrapWords', () => {
  it('breaks at spaces, never wider than asked unless one word is', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
  });
});

describe('examplesText', () => {
  it('is a heading, then per example a # comment and the command, narrower than the width', () => {
    const text = examplesText(SCAN_EXAMPLES, 100);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Examples:');
    expect(lines.slice(1)).toHaveLength(SCAN_EXAMPLES.length * 2);
    expect(lines[1]).toBe(`  # ${SCAN_EXAMPLES[0]!.does}`);
    expect(lines[2]).toBe(`  ${SCAN_EXAMPLES[0]!.command}`);
    for (const l of lines) expect(l.length).toBeLessThan(100);
  });
});
