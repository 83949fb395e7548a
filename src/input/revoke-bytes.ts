// Whether raw record bytes name the revocation event type: read for records the splitters drop unparsed.
import { REVOKE_EVENT } from '../events/event-types.js';

const NEEDLE = Buffer.from(REVOKE_EVENT);

/** Whether `buf[start, end)` holds `system.api_token.revoke` as it is written (the pre-filter's spelling). */
export function namesRevocation(buf: Buffer, start: number, end: number): boolean {
  return end - start >= NEEDLE.length && buf.subarray(start, end).indexOf(NEEDLE) >= 0;
}

/**
 * Follows the bytes of one record that streams by in pieces (a record too large to keep): remembers
 * whether it named the revocation event type, also across the seams between pieces.
 */
export class RevocationWatch {
  /** The last bytes of the previous piece (a needle may start there). */
  private tail: Buffer = Buffer.alloc(0);
  /** The bytes seen so far named it. */
  seen = false;

  /** Looks at the next piece `buf[start, end)`. */
  feed(buf: Buffer, start: number, end: number): void {
    if (this.seen || end <= start) return;
    const keep = NEEDLE.length - 1;
    const head = buf.subarray(start, Math.min(end, start + keep));
    const seam = Buffer.concat([this.tail, head]);
    if (seam.indexOf(NEEDLE) >= 0 || namesRevocation(buf, start, end)) this.seen = true;
    // The last bytes seen, over this piece and (for a short one) the pieces before it.
    this.tail = Buffer.from(end - start >= keep ? buf.subarray(end - keep, end) : seam.subarray(Math.max(0, seam.length - keep)));
  }

  /** Starts over for the next record. */
  reset(): void {
    this.tail = Buffer.alloc(0);
    this.seen = false;
  }
}
