// The original records of a report's events, each written once into the page as inline JSON, and the token an event's call was made with.
import type { Original, OriginalReader } from '../../model/original.js';
import { originalText, safeRawJson } from '../raw-json.js';
import { stringifySafe } from '../json-text.js';
import { scriptJson } from './escape.js';

/** An event's original as the page refers to it: its index in the originals array, and the token its call was made with. */
export interface OriginalEntry {
  index: number;
  /** `transaction.detail.requestApiTokenId`: the API token the call was made with, or null. */
  via: string | null;
}

/** Originals gathered into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/** The token an event's call was made with, read from its record text (parsed only when it names one). */
export function requestToken(text: string): string | null {
  if (!text.includes('requestApiTokenId')) return null;
  try {
    const parsed = JSON.parse(text) as { transaction?: { detail?: { requestApiTokenId?: unknown } } } | null;
    const id = parsed?.transaction?.detail?.requestApiTokenId;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

/**
 * The page's originals: each event's record, by uuid, numbered once however many windows hold it,
 * as the text of a JSON string (the record's own compact text, terminal-unsafe characters escaped,
 * see `safeRawJson`), so the page shows it exactly as the input held it. The texts not yet written
 * go out with {@link flush} (after each revocation's section), so only one window's are held.
 */
export class OriginalsTable {
  private readonly byUuid = new Map<string, OriginalEntry>();
  private literals: string[] = [];
  private count = 0;

  constructor(private readonly reader: OriginalReader | undefined) {}

  /**
   * The entry of a window event's original, adding it on first sight. `token` is the event's
   * `requestApiToken` as the window gives it (read from the event in any key spelling, so a
   * pipeline's `requestapitokenid` counts too); a window built without it has the token read from
   * the record's text.
   */
  event(uuid: string, original: Original, token?: { id: string } | null): OriginalEntry {
    const known = this.byUuid.get(uuid);
    if (known !== undefined) return known;
    const text = originalText(original, this.reader);
    return this.add(uuid, safeRawJson(text), token === undefined ? requestToken(text) : token?.id || null);
  }

  /** The entry of a revocation's own event (held parsed in the finding). */
  revocation(uuid: string, event: unknown): OriginalEntry {
    return this.byUuid.get(uuid) ?? this.add(uuid, stringifySafe(event), null);
  }

  private add(uuid: string, json: string, via: string | null): OriginalEntry {
    const entry = { index: this.count++, via };
    this.literals.push(JSON.stringify(json));
    this.byUuid.set(uuid, entry);
    return entry;
  }

  /**
   * The originals added since the last flush, as a `<script type="application/json"
   * class="originals">` data block holding a JSON array of strings (safe inside the element), in
   * chunks; nothing when there are none. The page numbers them by their order over all blocks.
   */
  *flush(): Generator<string> {
    if (this.literals.length === 0) return;
    let chunk = '\n<script type="application/json" class="originals">[';
    for (let i = 0; i < this.literals.length; i++) {
      chunk += (i === 0 ? '' : ',\n') + scriptJson(this.literals[i]!);
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    this.literals = [];
    yield `${chunk}]</script>`;
  }
}
