// mergeKept adds a window event to a known event exactly as merging the event built from it would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromKept, merge, mergeKept, type SeenEvent } from '../../src/incident/seen-event.js';
import type { KeptEvent } from '../../src/window/collector.js';

const text = fc.option(fc.constantFrom('a', 'b', ''), { nil: null });
const entity = fc.record({ id: fc.option(fc.constantFrom('00Ta', '00ub', 'x'), { nil: null }), type: fc.option(fc.constantFrom('Token', 'User'), { nil: null }), alternateId: text, displayName: text });

const kept = fc.record({
  uuid: fc.constantFrom('u1', 'u2'),
  published: fc.constantFrom(1, 2),
  eventType: fc.constant('user.session.start'),
  displayMessage: text,
  actor: entity,
  client: fc.record({ ipAddress: text, city: text, country: text }),
  outcome: text,
  targets: fc.array(entity, { maxLength: 3 }),
  requestApiTokenId: text,
  detections: fc.constant([]),
  facts: fc.record({ asNumber: text, asOrg: text, userAgent: text, isProxy: fc.option(fc.boolean(), { nil: null }), threatSuspected: fc.boolean(), riskLevel: text }),
  links: fc.constant(['token'] as const),
}) as fc.Arbitrary<KeptEvent>;

describe('mergeKept', () => {
  it('is merge(a, fromKept(e, w)) without building the event', () => {
    fc.assert(
      fc.property(kept, kept, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (first, e, w0, w) => {
        const viaMerge: SeenEvent = fromKept(first, w0);
        const direct: SeenEvent = fromKept(first, w0);
        merge(viaMerge, fromKept(e, w));
        mergeKept(direct, e, w);
        expect(direct).toEqual(viaMerge);
      }),
    );
  });
});
