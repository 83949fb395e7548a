// Careful scanner: a stray closing brace inside an array is skipped (it made the scanner spin forever).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Splits `text` with the built scanner in a child process, killed after 10 s: a scanner that
 * never returns must fail this test, not hang the test run (a busy loop ignores timers).
 */
function splitInChild(text: string): { records: string[]; diags: string[] } | 'hung' {
  const url = (p: string) => pathToFileURL(resolve(p)).href;
  const script = `
    const { JsonScanner } = await import(${JSON.stringify(url('dist/src/input/json-scanner.js'))});
    const { RecordBatch } = await import(${JSON.stringify(url('dist/src/input/batch.js'))});
    const buf = Buffer.from(${JSON.stringify(text)});
    const batch = new RecordBatch();
    batch.reset(buf, 0);
    const diags = [];
    new JsonScanner({ maxRecordBytes: 1 << 20 }).split(buf, 0, true, batch, (o, l, r) => diags.push(o + ' ' + r));
    const records = [];
    for (let i = 0; i < batch.count; i++) records.push(buf.toString('utf8', batch.starts[i], batch.ends[i]));
    process.stdout.write(JSON.stringify({ records, diags }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000, killSignal: 'SIGKILL', encoding: 'utf8' });
  if (r.signal === 'SIGKILL') return 'hung';
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { records: string[]; diags: string[] };
}

describe('JsonScanner and stray closing braces', () => {
  it.each([
    ['[}', [], ["1 unexpected '}' in an array; skipped", '2 input ends inside a JSON array (export cut short?); every complete record before it was read']],
    ['[{"a":1}}, {"b":2}]', ['{"a":1}', '{"b":2}'], ["8 unexpected '}' in an array; skipped"]],
    ['[1}]', [], ['1 array element is not a JSON object; skipped', "2 unexpected '}' in an array; skipped"]],
  ])('%s', (text, records, diags) => {
    expect(splitInChild(text)).toEqual({ records, diags });
  });
});
