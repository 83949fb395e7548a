// `okta-revoke-scan sql`: the query alone on stdout with its header, usage errors exit 2, help.
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/version.js';
import { runCli } from '../helpers/run-cli.js';

describe('okta-revoke-scan sql', () => {
  it('prints the header and the query on stdout, nothing on stderr', async () => {
    const r = await runCli(['sql', '--dialect', 'duckdb']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`-- okta-revoke-scan ${packageVersion()} sql --dialect duckdb --table okta_logs --column event --layout text --before 24h --after 0 --baseline 30d`);
    expect(lines[1]).toBe('-- Table okta_logs: one Okta System Log event per row, as JSON text in column event.');
    expect(r.stdout).toContain('\n--   okta-revoke-scan - --before 24h --after 0 --baseline 30d\nWITH\n');
    expect(r.stdout.trimEnd().endsWith('ORDER BY ms, ukey, etype')).toBe(true);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('names the options, the table and the scan to pipe into', async () => {
    const r = await runCli(['sql', '--dialect', 'trino', '--table', 'okta.system log', '--column', 'raw', '--layout', 'columns', '--before', '2h', '--after', '30m', '--baseline', '7d', '--from', '2024-03-05 16:00:00Z', '--to', '1d']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("--dialect trino --table 'okta.system log' --column raw --layout columns --before 2h --after 30m --baseline 7d --from '2024-03-05 16:00:00Z' --to 1d\n");
    expect(r.stdout).toContain('one column per top-level key as Okta spells it:\n-- uuid, published, eventType,');
    expect(r.stdout).toContain("--   okta-revoke-scan - --before 2h --after 30m --baseline 7d --from '2024-03-05 16:00:00Z' --to 1d\n");
    expect(r.stdout).toContain('FROM okta."system log"');
    // --to 1d counts back from the table's newest event, which the query finds.
    expect(r.stdout).toContain('newest AS (\n  SELECT MAX(ms) AS top FROM ok');
  });

  it.each([
    [[], 'Missing required argument: dialect'],
    [['--dialect', 'mysql'], '--dialect takes one of duckdb, clickhouse, postgres, trino, spark'],
    [['--dialect', 'duckdb', '--layout', 'rows'], '--layout takes one of text, columns'],
    [['--dialect', 'duckdb', '--before', '24 hours'], "--before takes a duration like 90m, 36h, 7d or 2w (got '24 hours')"],
    [['--dialect', 'duckdb', '--baseline', 'x'], '--baseline takes a duration'],
    [['--dialect', 'duckdb', '--from', '2024-03-05T10:00'], '--from \'2024-03-05T10:00\' has no time zone'],
    [['--dialect', 'duckdb', '--from', '2024-03-06T00:00:00Z', '--to', '2024-03-05T00:00:00Z'], '--from is later than --to'],
    [['--dialect', 'duckdb', '--table', 'a..b'], "'a..b' is not a table or column name"],
    [['--dialect', 'duckdb', 'export.ndjson'], 'Unknown argument: export.ndjson'],
    [['--dialect', 'duckdb', '--hunt'], 'Unknown argument: hunt'],
  ])('%j is a usage error (exit 2, nothing on stdout)', async (args, message) => {
    const r = await runCli(['sql', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Run 'okta-revoke-scan sql --help' for usage.");
  });

  it('--help lists the dialects and the options the scan must share', async () => {
    const r = await runCli(['sql', '--help']);
    expect(r.code).toBe(0);
    for (const word of ['duckdb', 'clickhouse', 'postgres', 'trino', 'spark', '--layout', '--baseline', 'Scan options the query must match:', 'docs/engines.md']) expect(r.stdout).toContain(word);
  });

  it('comes first: after other options it is refused, as rules is', async () => {
    const r = await runCli(['-q', 'sql']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the sql command comes first');
  });
});
