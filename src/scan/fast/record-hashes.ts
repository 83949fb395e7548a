// First pass, every record: hashes of its actor.id, client.ipAddress and requestApiTokenId, read from raw bytes.
import type { RecordBatch } from '../../input/batch.js';
import { actorIdProbe } from './actor-probe.js';
import { indexWithin, type BytesFilter } from '../../bytes/json-bytes.js';
import { learnByteFrequencies, Needle } from '../../bytes/needle.js';
import { hasLowercaseKeys, Mark } from './prefilter.js';
import { fieldProbe, ipAddressProbe } from './probe.js';
import { fnv1a } from '../../bytes/fnv.js';

/** Hash of a value's UTF-8 bytes as stored in the index: never 0, which stands for "no value". */
export function valueHash(buf: Uint8Array, from: number, to: number): number {
  return fnv1a(buf, from, to) || 1;
}

/** The needle of every `system.api_token.*` event (a token's lifecycle: its targets name the token). */
export const TOKEN_LIFECYCLE_NEEDLE = '_token.';

/** Needles whose records the index always selects (forces): a later pass with only these can read through it. */
export const INDEX_NEEDLES: readonly string[] = [TOKEN_LIFECYCLE_NEEDLE];

/** Keys the hasher reads: an escape of one of their characters could hide a key from it. */
export const HASHED_KEYS = ['actor', 'id', 'ipAddress', 'requestApiTokenId', TOKEN_LIFECYCLE_NEEDLE];

/** Takes the hash of every raw value offered and rules it out, so no probe ever decodes a string. */
class Capture implements BytesFilter {
  hash = 0;
  mayHold(buf: Uint8Array, from: number, to: number): boolean {
    this.hash = valueHash(buf, from, to);
    return false;
  }
}

const NONE: ReadonlySet<string> = new Set();
const TOKEN_KEY = Buffer.from('requestApiTokenId');
const LIFECYCLE = Buffer.from(TOKEN_LIFECYCLE_NEEDLE);

/**
 * Reads, for each record of a batch, the hash of each value the second pass selects records by.
 * A record is `force`d (always a second-pass candidate) when its bytes cannot be read with
 * certainty: an escape that may hide a key, a NUL or invalid UTF-8, a layout the probes do not
 * know, two different values of one field, several events in one record, or a token lifecycle
 * event (`_token.`: its targets name the token).
 */
export class RecordHasher {
  actor = new Uint32Array(1024);
  ip = new Uint32Array(1024);
  token = new Uint32Array(1024);
  force = new Uint8Array(1024);
  private readonly capture = new Capture();
  private readonly actorProbe = actorIdProbe(NONE, this.capture);
  private readonly ipProbe = ipAddressProbe(NONE, this.capture);
  private readonly tokenProbe = fieldProbe('requestApiTokenId', NONE, this.capture);
  private readonly address = new Needle('Address');
  private tuned = false;
  /**
   * False for an input written with lowercased keys (`ipaddress`): the hashes would miss them, so
   * its second pass reads the input again (decided on the first block).
   */
  usable = true;

  /** Fills `actor`, `ip`, `token` and `force` for records [0, count); `marks` are the first pass's. */
  hash(batch: RecordBatch, marks: Uint8Array): void {
    const { buf, starts, ends, count } = batch;
    if (this.force.length < count) this.grow(count);
    const { actor, ip, token, force, capture } = this;
    if (!this.tuned && count > 0) {
      this.tuned = true;
      const sample = buf.subarray(starts[0], ends[count - 1]);
      this.address.tune(learnByteFrequencies(sample));
      this.usable = !hasLowercaseKeys(sample);
    }
    for (let r = 0; r < count; r++) {
      const start = starts[r]!;
      const end = ends[r]!;
      const m = marks[r]!;
      let f = batch.multi || (m & (Mark.Escape | Mark.Nul | Mark.BadUtf8)) !== 0 ? 1 : 0;
      // actor.id: Okta writes `actor` first, so this is one check at the record's start.
      let a = 0;
      const probe = this.actorProbe;
      for (let at = probe.locate!(buf, start, end, start); at >= 0 && !f; at = probe.locate!(buf, start, end, at + 1)) {
        capture.hash = 0;
        if (probe.read(buf, at, end) === null || (capture.hash && a && a !== capture.hash)) f = 1;
        else if (capture.hash) a = capture.hash;
      }
      // requestApiTokenId and `_token.`: only in records a first-pass needle marked (both are needles).
      let t = 0;
      if (m & Mark.Needle && !f) {
        if (indexWithin(buf, LIFECYCLE, start, end) >= 0) f = 1;
        for (let at = indexWithin(buf, TOKEN_KEY, start, end); at >= 0 && !f; at = indexWithin(buf, TOKEN_KEY, at + 1, end)) {
          capture.hash = 0;
          if (this.tokenProbe.read(buf, at, end) === null || (capture.hash && t && t !== capture.hash)) f = 1;
          else if (capture.hash) t = capture.hash;
        }
      }
      actor[r] = a;
      token[r] = t;
      ip[r] = 0;
      force[r] = f;
    }
    this.hashAddresses(batch);
  }

  /** client.ipAddress: one sweep of the block for `Address`, each hit mapped to its record. */
  private hashAddresses(batch: RecordBatch): void {
    const { buf, starts, ends, count } = batch;
    const { ip, force, capture } = this;
    const to = ends[count - 1]!;
    let r = 0;
    for (let p = this.address.indexIn(buf, starts[0]!); p >= 0 && p < to; p = this.address.indexIn(buf, p + 1)) {
      while (r < count && ends[r]! <= p) r++;
      if (r === count) break;
      if (p < starts[r]! || force[r]) continue;
      capture.hash = 0;
      const end = ends[r]!;
      if (this.ipProbe.read(buf, p, end) === null || (capture.hash && ip[r] && ip[r] !== capture.hash)) force[r] = 1;
      else if (capture.hash) ip[r] = capture.hash;
    }
  }

  private grow(count: number): void {
    const n = Math.max(count, this.force.length * 2);
    this.actor = new Uint32Array(n);
    this.ip = new Uint32Array(n);
    this.token = new Uint32Array(n);
    this.force = new Uint8Array(n);
  }
}
