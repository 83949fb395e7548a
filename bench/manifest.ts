// The manifest written beside each generated export: its expected answers and statistics.
import type { HeavyRecord } from './heavy-stories.js';
import type { Profile } from './profile.js';
import type { AttackRecord, RevocationRecord } from './stories.js';
import type { ExportFormat } from './writer.js';

/** Expected answers and statistics of a generated file. */
export interface Manifest {
  generator: 'okta-revoke-scan/bench/generate';
  manifestVersion: 1;
  file: string;
  /** The generator profile; manifests written before profiles existed have none and are `light`. */
  profile?: Profile;
  format: ExportFormat;
  gzip: boolean;
  seed: number;
  events: number;
  /** Uncompressed bytes of the file. */
  bytes: number;
  /** Bytes on disk. */
  fileBytes: number;
  /** Mean size of one event as compact JSON (UTF-8 bytes). */
  avgEventBytes: number;
  nonAsciiEvents: number;
  tokenEvents: number;
  outOfOrderEvents: number;
  /** Non-revoke events whose logged URL contains `system.api_token.revoke` (byte-level decoys). */
  decoyEvents: number;
  first: string;
  last: string;
  eventTypes: Record<string, number>;
  revocationCount: number;
  revokerKinds: Record<string, number>;
  revocations: RevocationRecord[];
  attacks: AttackRecord[];
  tokens: { id: string; name: string; ownerId: string; background: boolean; createdInFile: boolean; events: number }[];
  /** The heavy profile's busy admins, heavy owners, rotations, tokens revoked twice and runaway tokens. */
  heavy?: HeavyRecord;
}

/** The manifest without its per-item lists, for printing. */
export function summarize(m: Manifest): Record<string, unknown> {
  const { revocations: _r, attacks: _a, tokens: _t, eventTypes: _e, heavy: _h, ...rest } = m;
  return { ...rest, nonAsciiShare: +(m.nonAsciiEvents / m.events).toFixed(4), tokenShare: +(m.tokenEvents / m.events).toFixed(4), attacks: m.attacks.length, tokens: m.tokens.length };
}
