// The user documentation: every relative link leads to a file (and heading) that exists, and nothing points at what users do not have.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCS = [
  'README.md',
  'bench/RESULTS.md',
  'samples/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation but `-` and `_` dropped, spaces as `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings (outside code blocks). */
function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

/** Relative links `[text](target)` of a Markdown file, outside code blocks. */
function links(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
}

describe('user documentation', () => {
  it('exists: a guide, inputs, output, rules, signals, limits, performance, FAQ and the manual page', () => {
    for (const f of ['guide', 'inputs', 'output', 'rules', 'signals', 'limits', 'performance', 'faq', 'okta-revoke-scan.1']) {
      expect(DOCS).toContain(`docs/${f}.md`);
    }
  });

  it.each(DOCS)('%s: every relative link leads to a file, and to a heading of it', (doc) => {
    const from = join(ROOT, doc);
    for (const target of links(from)) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? from : join(dirname(from), path);
      expect(existsSync(file), `${doc} → ${target}`).toBe(true);
      expect(relative(ROOT, file).startsWith('..'), `${doc} → ${target} leaves the repository`).toBe(false);
      if (anchor !== undefined && file.endsWith('.md')) expect([...anchors(file)], `${doc} → ${target}`).toContain(anchor);
    }
  });

  it.each(DOCS)('%s: names nothing outside the repository', (doc) => {
    expect(readFileSync(join(ROOT, doc), 'utf8')).not.toMatch(/\.\.\/shared|shared material/);
  });
});
