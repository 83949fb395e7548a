// Test helper: the shell recipes of a Markdown document, by the comment above each.
import { readFileSync } from 'node:fs';

/**
 * `# comment` → command, from the first sh block under the heading `## headingText` (or `###`) of
 * the Markdown file at `path`. A command takes the first comment line above it as its title.
 */
export function shRecipes(path: string, headingText: string): Map<string, string> {
  const text = readFileSync(path, 'utf8');
  const heading = new RegExp(`^#{2,3} ${headingText}$`, 'm').exec(text);
  if (heading === null) throw new Error(`${path} has no "${headingText}" heading`);
  const section = text.slice(heading.index);
  const start = section.indexOf('```sh\n') + 6;
  const block = section.slice(start, section.indexOf('\n```', start));
  const out = new Map<string, string>();
  let title = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('# ')) title ||= line.slice(2);
    else if (line.trim() !== '') {
      out.set(title, line);
      title = '';
    }
  }
  return out;
}
