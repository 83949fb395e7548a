// Worst case for window memory: one token's calls fill a single 24-hour window before its revocation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExportWriter } from './writer.js';

/** What {@link writeWorstWindow} wrote. */
export interface WorstWindow {
  /** Events in the file (the create, the calls and the revocation). */
  events: number;
  bytes: number;
  /** Events linked to the revocation's window: every call and the create. */
  linked: number;
}

/** The sample's create of ci-deploy, a call made with it, and Ann's revocation of it (0-based lines). */
const CREATE = 4;
const CALL = 17;
const REVOKE = 34;
const HOUR = 3_600_000;
const ADDRESSES = ['198.51.100.23', '203.0.113.10', '203.0.113.11', '192.0.2.33'];

/**
 * Writes an NDJSON export of about `size` bytes in which every event falls inside one window: the
 * token's creation, then calls made with it by its owner from four addresses over 23 hours, then
 * its revocation. Each call is linked three ways (token, owner, address), so the window holds
 * every event of the file: what `--max-window-events` bounds.
 */
export async function writeWorstWindow(out: string, size: number, root: string): Promise<WorstWindow> {
  const lines = readFileSync(join(root, 'samples', 'okta-export.ndjson'), 'utf8').trim().split('\n');
  const revoke = JSON.parse(lines[REVOKE]!) as { published: string };
  const end = Date.parse(revoke.published);
  const start = end - 23 * HOUR;
  const call = JSON.parse(lines[CALL]!) as { uuid: string; published: string; client: { ipAddress: string } };
  const create = JSON.parse(lines[CREATE]!) as { published: string };
  create.published = new Date(start - HOUR).toISOString();
  const perCall = Buffer.byteLength(lines[CALL]!) + 1;
  const calls = Math.max(1, Math.floor(size / perCall));
  const w = new ExportWriter(out, 'ndjson');
  let bytes = w.add(JSON.stringify(create));
  for (let i = 0; i < calls; i++) {
    call.uuid = `${(i + 1).toString(16).padStart(8, '0')}-0000-4000-8000-00000000w0rst`;
    call.published = new Date(start + Math.floor((i * (end - start - 1000)) / calls)).toISOString();
    call.client.ipAddress = ADDRESSES[i % ADDRESSES.length]!;
    bytes += w.add(JSON.stringify(call));
    if (w.needsFlush) await w.flush();
  }
  bytes += w.add(lines[REVOKE]!);
  await w.close();
  return { events: calls + 2, bytes, linked: calls + 1 };
}
