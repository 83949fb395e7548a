// A command's inputs: stdin when none is named (never a terminal), -o opened first, the Ctrl-C clean-up registered and dropped.
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openInputs } from '../../src/cli/open-inputs.js';
import type { Io } from '../../src/cli/io.js';
import type { OutputFile } from '../../src/cli/output-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ors-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sink = { write: () => true };

function io(stdin: Readable): Io & { registerCleanup: (fn: () => Promise<void>) => () => void; registered: number } {
  const x = {
    stdout: sink,
    stderr: sink,
    stdin,
    env: {},
    registered: 0,
    registerCleanup: () => {
      x.registered++;
      return () => {
        x.registered--;
      };
    },
  };
  return x;
}

describe('openInputs', () => {
  it('refuses a terminal as stdin when no input is named', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    await expect(openInputs([], io(tty), {})).rejects.toThrow(UsageError);
  });

  it('reads stdin when no input is named, says so, and opens -o before', async () => {
    const i = io(Readable.from(['{"eventType":"x"}\n']));
    const output: { file?: OutputFile; unregister?: () => void } = {};
    let told = 0;
    const { resolved, unregister } = await openInputs([], i, output, { output: join(dir, 'out.ndjson'), onStdin: () => told++ });
    expect(told).toBe(1);
    expect(resolved.sources).toHaveLength(1);
    expect(output.file).toBeDefined();
    await output.file!.abort();
    await resolved.cleanup();
    unregister?.();
    output.unregister?.();
    expect(i.registered).toBe(0);
  });

  it('names files as given, without calling onStdin', async () => {
    let told = 0;
    const { resolved, unregister } = await openInputs(['samples/okta-export.ndjson'], io(Readable.from([])), {}, { onStdin: () => told++ });
    expect(told).toBe(0);
    expect(resolved.sources.map((s) => s.path)).toEqual(['samples/okta-export.ndjson']);
    await resolved.cleanup();
    unregister?.();
  });
});
