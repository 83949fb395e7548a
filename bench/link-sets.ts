// Window link sets: (revocation, event uuid, links) as the CLI's NDJSON report and the DuckDB peer give them, and how two differ.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One window event as `revocation uuid link+link`. */
export function linkKey(revocation: string, uuid: string, links: readonly string[]): string {
  return `${revocation} ${uuid} ${links.join('+')}`;
}

/** The digest of an event's original: its JSON re-serialised (the same for any spacing of the text). */
export function originalDigest(event: unknown): string {
  return createHash('sha1').update(JSON.stringify(event)).digest('hex');
}

/** What a window-event listing holds: its link keys, and with originals `revocation uuid digest` keys. */
export interface LinkSet {
  links: Set<string>;
  /** Present when the originals were read. */
  originals?: Set<string>;
}

/** Every non-empty line of an NDJSON file, parsed. */
export async function* ndjsonLines(path: string): AsyncGenerator {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() !== '') yield JSON.parse(line) as unknown;
  }
}

interface PeerLine {
  revocation: string;
  uuid: string;
  links: string[];
  event?: unknown;
}

/** The link set of the DuckDB peer's output (with the originals' digests when its lines carry `event`). */
export async function readPeerLinks(path: string): Promise<LinkSet> {
  const links = new Set<string>();
  let originals: Set<string> | undefined;
  for await (const value of ndjsonLines(path)) {
    const l = value as PeerLine;
    links.add(linkKey(l.revocation, l.uuid, l.links));
    if (l.event !== undefined) (originals ??= new Set()).add(`${l.revocation} ${l.uuid} ${originalDigest(l.event)}`);
  }
  return originals ? { links, originals } : { links };
}

/** How two sets differ: the count of keys only in each, and a few of them. */
export interface SetDiff {
  equal: boolean;
  onlyOurs: number;
  onlyTheirs: number;
  /** Up to `show` keys of each side. */
  examples: string[];
}

/** Compares `ours` with `theirs`. */
export function compareSets(ours: ReadonlySet<string>, theirs: ReadonlySet<string>, show = 5): SetDiff {
  const a = [...ours].filter((k) => !theirs.has(k));
  const b = [...theirs].filter((k) => !ours.has(k));
  return {
    equal: a.length === 0 && b.length === 0,
    onlyOurs: a.length,
    onlyTheirs: b.length,
    examples: [...a.slice(0, show).map((k) => `ours only:   ${k}`), ...b.slice(0, show).map((k) => `theirs only: ${k}`)],
  };
}
