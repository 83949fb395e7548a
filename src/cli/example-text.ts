// Worked examples as text that can be copied: each command whole on a line, or broken with ` \` where it cannot fit.
import type { Example } from './help-sections.js';

/** Indent of a command's continuation lines, under its first word. */
const CONTINUATION = '    ';

/** Splits a shell command at the spaces outside quotes (a quoted jq program stays one word). */
function words(command: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote: string | null = null;
  for (const ch of command) {
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === ' ') {
      if (word !== '') out.push(word);
      word = '';
      continue;
    }
    word += ch;
  }
  if (word !== '') out.push(word);
  return out;
}

/**
 * A command as lines of at most `max` characters: the command itself when it fits, else broken
 * between words, each line but the last ending in ` \` and each after the first indented, so the
 * lines pasted into a shell are the same command. A single word longer than `max` gets a line of
 * its own (it cannot be broken).
 */
export function breakCommand(command: string, max: number): string[] {
  if (command.length <= max) return [command];
  const lines: string[] = [];
  let line = '';
  for (const word of words(command)) {
    const prefix = line === '' ? (lines.length === 0 ? '' : CONTINUATION) : `${line} `;
    // Room for the ` \` that ends every line but the last.
    if (line !== '' && `${prefix}${word} \\`.length > max) {
      lines.push(`${line} \\`);
      line = `${CONTINUATION}${word}`;
    } else {
      line = `${prefix}${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** `text` as lines of at most `max` characters, broken at spaces; a longer word keeps a line of its own. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The `Examples:` section of `--help` for a terminal `width` columns wide: per example, what it
 * does as a `# ` comment, then the command, both indented by two spaces and narrower than
 * `width`, so a block of them can be pasted into a shell as it is.
 */
export function examplesText(examples: readonly Example[], width: number): string {
  const indent = '  ';
  // yargs' layout (cliui) breaks again any line as wide as the terminal: stay one column short.
  const max = width - indent.length - 1;
  const lines = ['Examples:'];
  for (const e of examples) {
    for (const l of wrapWords(e.does, max - 2)) lines.push(`${indent}# ${l}`);
    for (const l of breakCommand(e.command, max)) lines.push(`${indent}${l}`);
  }
  return lines.join('\n');
}
