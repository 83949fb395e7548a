// Parsed record → its events: unwrapped, normalised, deduplicated and offered to the scan, with counts.
import { createHash } from 'node:crypto';
import { normalize } from '../events/normalize.js';
import type { OktaEvent, RecordLocation } from '../events/types.js';
import type { RecordRef } from '../model/original.js';
import type { TokenCall } from '../events/token-call.js';
import { unwrap } from '../events/unwrap.js';
import { eventIdentity } from '../events/identity.js';
import { namesRevokeEvent } from '../events/event-types.js';
import type { DiagnosticLog } from './diagnostics.js';

/** What an intake reports to and remembers. Shared by every input of a pass. */
export interface IntakeContext {
  diagnostics: DiagnosticLog;
  /** Identity keys of the events already offered in this pass. */
  seen: Set<string>;
  /** Keys the previous pass kept, or undefined in the first pass. */
  previous: Set<string> | undefined;
  onEvent(event: OktaEvent, where: RecordLocation): boolean;
  /** Takes calls made with a token that come as their facts (see PassOptions.onTokenCall). */
  onTokenCall?: ((call: TokenCall) => void) | undefined;
  dedupAll: boolean;
}

function sha1(data: Buffer | string): string {
  return 'sha1:' + createHash('sha1').update(data).digest('hex').slice(0, 32);
}

/** The events of one input, taken record by record. */
export class Intake {
  /** Records (or events inside them) that are not events; each was reported once. */
  bad = 0;
  /** Events beyond one per record (several in a delivery; -1 for a record holding none). */
  extra = 0;
  /** Duplicates of events offered before. */
  duplicates = 0;
  /** Latest `published` of the events normalised (ms). */
  newest: number | null = null;
  /** Events normalised (duplicates included): none in a whole input means it is not an Okta export. */
  good = 0;

  constructor(private readonly ctx: IntakeContext) {}

  /**
   * Reports a bad record; in a later pass only when it was not reported before. `namesRevocation`:
   * its text names the revocation event type (a revocation may be lost).
   */
  broken(where: RecordLocation, reason: string, namesRevocation = false): void {
    const d = namesRevocation ? { ...where, reason, namesRevocation: true as const } : { ...where, reason };
    if (this.ctx.diagnostics.add(d, this.ctx.previous !== undefined)) this.bad++;
  }

  /**
   * Takes a call made with a token that another thread read from a record holding just that one
   * event (see tokenCallFromText): counted as a good event, as `take` would, and handed on.
   */
  call(c: TokenCall): void {
    this.good++;
    if (this.ctx.previous === undefined && (this.newest === null || c.published > this.newest)) this.newest = c.published;
    this.ctx.onTokenCall!(c);
  }

  /**
   * Unwraps one parsed record and offers each event it holds. `label` names the record in
   * diagnostics (an element of a document); `identity` gives its bytes or text, hashed into an id
   * for events without a uuid. A `sampleOnly` record was parsed only to learn whether the input
   * holds Okta events at all (the pre-filter did not select it): its events count as good, its
   * problems are reported, but none is offered to the scan (whose answer must not depend on which
   * record comes first).
   */
  take(value: unknown, where: RecordLocation, label: string, identity: () => Buffer | string, text?: string, ref?: RecordRef, sampleOnly = false): void {
    const { ctx } = this;
    const first = ctx.previous === undefined;
    const u = unwrap(value);
    if (first) this.extra += u.candidates.length + u.problems.length - 1;
    // Read only when something is dropped: does the record name the revocation event type?
    let names: boolean | undefined;
    const naming = () => (names ??= namesRevokeEvent(text ?? identity().toString()));
    for (const p of u.problems) this.broken(where, label ? `${label}: ${p}` : p, naming());
    for (const c of u.candidates) {
      const r = normalize(c.value, () => sha1(u.candidates.length > 1 ? `${c.path}\u0000${identity().toString()}` : identity()), c.value === value ? text : undefined);
      if (!r.ok) {
        const at = [label, c.path].filter(Boolean).join(': ');
        this.broken(where, at ? `${at}: ${r.reason}` : r.reason, naming());
        continue;
      }
      // A plain record's text is kept by windows instead of the parsed object.
      if (text !== undefined && c.value === value) {
        r.event.text = text;
        if (ref) r.event.ref = ref;
      }
      const t = r.event.published;
      this.good++;
      if (sampleOnly) continue;
      if (first && (this.newest === null || t > this.newest)) this.newest = t;
      // (The identity is built only when needed, once: a pass whose listener keeps nothing never needs it.)
      let k: string | undefined;
      if (ctx.seen.size > 0) {
        k = eventIdentity(r.event);
        if (ctx.seen.has(k)) {
          if (!ctx.previous?.has(k)) this.duplicates++;
          continue;
        }
      }
      if (ctx.onEvent(r.event, where) || ctx.dedupAll) ctx.seen.add(k ?? eventIdentity(r.event));
    }
  }
}
