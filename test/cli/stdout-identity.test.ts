// Machine formats do not depend on the terminal: stdout is the same bytes piped, on a TTY, with colour and with a progress bar.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SAMPLES = ['samples/okta-export.ndjson', 'samples/okta-export-pretty.json'];
const FORMATS = ['ndjson', 'json', 'csv', 'timesketch'];
const cases = SAMPLES.flatMap((s) => FORMATS.map((f) => [f, s] as const));

describe('stdout of non-table formats', () => {
  it.each(cases)('%s of %s is byte-identical with and without a TTY, colour and progress', async (format, sample) => {
    const piped = await runCli(['-f', format, sample]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(0);
    expect(piped.stderr).not.toMatch(/[\r\u001b]/);
    const tty = await runCli(['-f', format, sample], { tty: true, columns: 60 });
    const colour = await runCli(['-f', format, '--color', sample], { tty: true, env: { FORCE_COLOR: '3' } });
    const progress = await runCli(['-f', format, '--progress', sample], { tty: true, stderrTty: true });
    for (const r of [tty, colour, progress]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(piped.stdout);
    }
    expect(progress.stderr).toMatch(/^\rpass 1 /);
    expect(progress.stderr).toContain('\r\u001b[K');
  });
});
