// Startup cost: only the table format loads chalk and cli-table3 (checked on the built CLI in a child process).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Module paths the CommonJS loader reports loading (NODE_DEBUG=module) for one run. */
function loaded(format: string): string {
  const r = spawnSync(process.execPath, ['bin/okta-revoke-scan.js', '--format', format, 'samples/okta-export.ndjson'], {
    env: { ...process.env, NODE_DEBUG: 'module' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr.slice(-500)).toBe(0);
  return r.stderr;
}

describe('reporters load lazily', () => {
  it.each(['json', 'ndjson', 'csv', 'timesketch'])('%s does not load cli-table3', (format) => {
    expect(loaded(format)).not.toContain('cli-table3');
  });

  it('table does', () => {
    expect(loaded('table')).toContain('cli-table3');
  });
});
