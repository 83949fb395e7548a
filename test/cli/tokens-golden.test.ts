// Golden tests of `okta-revoke-scan tokens`: both samples and the every-flag fixture, in every format, valid against the schemas.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { schemaErrors, validateFinding, validateTokens } from '../helpers/schema.js';
import { STORY_DIR, tokenStory } from '../helpers/token-story.js';

const update = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = 'test/golden/tokens';

/** Compares `actual` with the golden file, or (re)writes it when UPDATE_GOLDEN=1. */
function golden(path: string, actual: string, parse = false): void {
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx vitest run test/cli/tokens-golden.test.ts once and review it`);
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (parse) expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
  else expect(actual).toBe(expected);
}

const storyInputs = () => readdirSync(STORY_DIR).filter((f) => f.startsWith('export-')).sort().map((f) => join(STORY_DIR, f));

/** Each case: a name for its golden files and its inputs. */
const cases: [string, string, () => string[]][] = [
  ['okta-export.ndjson', `${GOLDEN}/okta-export.ndjson`, () => ['samples/okta-export.ndjson']],
  ['okta-export-pretty.json', `${GOLDEN}/okta-export-pretty.json`, () => ['samples/okta-export-pretty.json']],
  ['tokens-every-flag', `${STORY_DIR}/tokens`, storyInputs],
];

describe('tokens-every-flag fixture', () => {
  it('is what test/helpers/token-story.ts writes', () => {
    for (const f of tokenStory()) {
      const path = join(STORY_DIR, f.name);
      if (update) writeFileSync(path, f.text);
      expect(readFileSync(path, 'utf8'), `${path}: run UPDATE_GOLDEN=1`).toBe(f.text);
    }
  });
});

describe.each(cases)('tokens on %s', (_name, base, inputs) => {
  it('json: the golden document, valid against schema/tokens.schema.json; each token a valid record', async () => {
    const r = await runCli(['tokens', '--format', 'json', ...inputs()]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { tokens: unknown[] };
    expect(validateTokens(doc), schemaErrors(validateTokens.errors)).toBe(true);
    for (const t of doc.tokens) expect(validateFinding(t), schemaErrors(validateFinding.errors)).toBe(true);
    golden(`${base}.expected.json`, r.stdout, true);
  });

  it('ndjson: the json document\'s tokens, one per line', async () => {
    const [nd, json] = await Promise.all([runCli(['tokens', '-f', 'ndjson', ...inputs()]), runCli(['tokens', '-f', 'json', ...inputs()])]);
    const lines = nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual((JSON.parse(json.stdout) as { tokens: unknown[] }).tokens);
  });

  it('table (140 columns, no colour) and csv: the golden text', async () => {
    const table = await runCli(['tokens', '--no-color', ...inputs()], { tty: true, columns: 140 });
    expect(table.code, table.stderr).toBe(0);
    golden(`${base}.table.txt`, table.stdout);
    const csv = await runCli(['tokens', '-f', 'csv', ...inputs()]);
    golden(`${base}.csv`, csv.stdout);
  });
});
