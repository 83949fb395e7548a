// writeChunk: waits for drain on a full sink, passes errors on, and leaves no listener behind.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { writeChunk, type TextSink } from '../../src/cli/io.js';

/** A sink that is always full: every write asks the caller to wait for `drain`. */
function fullSink(): EventEmitter & TextSink & { written: string[] } {
  const sink = Object.assign(new EventEmitter(), {
    written: [] as string[],
    write(chunk: string) {
      sink.written.push(chunk);
      return false;
    },
  });
  return sink;
}

describe('writeChunk', () => {
  it('waits for drain, and a long report leaves no listener behind (no MaxListeners warning)', async () => {
    const sink = fullSink();
    for (let i = 0; i < 50; i++) {
      const done = writeChunk(sink, `chunk ${i}\n`);
      sink.emit('drain');
      await done;
    }
    expect(sink.written).toHaveLength(50);
    expect(sink.listenerCount('error')).toBe(0);
    expect(sink.listenerCount('drain')).toBe(0);
  });

  it('rejects with the sink error and removes the drain listener', async () => {
    const sink = fullSink();
    const done = writeChunk(sink, 'x');
    const boom = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    sink.emit('error', boom);
    await expect(done).rejects.toBe(boom);
    expect(sink.listenerCount('drain')).toBe(0);
    expect(sink.listenerCount('error')).toBe(0);
  });

  it('returns at once when the sink takes the chunk', async () => {
    const written: string[] = [];
    await writeChunk({ write: (s) => (written.push(s), true) }, 'y');
    expect(written).toEqual(['y']);
  });
});
