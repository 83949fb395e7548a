// The shapes Okta events reach responders in: each rewrites plain events as that shape's text.

/** An Okta event as parsed from plain NDJSON. */
export type Event = Record<string, unknown>;

/** Shapes this module writes (CSV is in csv-export.ts). */
export const SHAPES = ['hook-ndjson', 'hook-array', 'hook-single', 'events-doc', 'data-doc', 'message', 'sekoia', 'elastic', 'splunk', 'quoted'] as const;
export type Shape = (typeof SHAPES)[number];

/** An Okta Event Hook delivery (CloudEvents envelope) carrying `events`. */
export function envelope(events: Event[], n: number): Event {
  return {
    eventType: 'com.okta.event_hook',
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: 'https://corp.okta.example/api/v1/eventHooks/who7hphp39JoHLni81d7',
    eventId: `85b60edb-4263-4e13-993b-${String(n).padStart(12, '0')}`,
    data: { events },
    eventTime: (events[0]?.published) ?? '2024-01-01T00:00:00.000Z',
    contentType: 'application/json',
  };
}

/** An Elastic Agent document: ECS fields, a snake_case `okta` copy, and the raw event in `event.original`. */
function elasticDoc(e: Event): Event {
  const actor = (e.actor ?? {}) as Event;
  const client = (e.client ?? {}) as Event;
  return {
    '@timestamp': e.published,
    event: { action: e.eventType, id: e.uuid, kind: 'event', original: JSON.stringify(e) },
    okta: { event_type: e.eventType, actor: { alternate_id: actor.alternateId, id: actor.id }, client: { ip: client.ipAddress } },
    input: { type: 'cel' },
    data_stream: { dataset: 'okta.system' },
  };
}

/**
 * One record (a line, or an array element before joining) per wrapper, or the whole text for
 * shapes that are one document. `per` is how many events go into one Event Hook delivery.
 */
export function recordsOf(shape: Shape, events: Event[], per = 10): string[] {
  const line = (v: unknown) => JSON.stringify(v);
  switch (shape) {
    case 'hook-ndjson':
    case 'hook-array': {
      const out: string[] = [];
      for (let i = 0; i < events.length; i += per) out.push(line(envelope(events.slice(i, i + per), i / per)));
      return out;
    }
    case 'hook-single':
      return [JSON.stringify(envelope(events, 0), null, 4)];
    case 'events-doc':
      return [JSON.stringify({ meta: { exportedBy: 'fixture', count: events.length }, events }, null, 2)];
    case 'data-doc':
      return [JSON.stringify({ data: events })];
    case 'message':
      return events.map((e) => line({ '@timestamp': e.published, host: 'collector-1', message: JSON.stringify(e) }));
    case 'sekoia':
      return events.map((e) => line({ input: { message: '\t\n' + JSON.stringify(e, null, 2) } }));
    case 'elastic':
      return events.map((e) => line(elasticDoc(e)));
    case 'splunk':
      // Splunk adds its own `eventtype` field to search results: it must not be taken for Okta's.
      return events.map((e, i) => line({ preview: false, offset: i, result: { _raw: JSON.stringify(e), _time: e.published, eventtype: 'okta_log', sourcetype: 'OktaIM2:log' } }));
    case 'quoted':
      return events.map((e) => line(JSON.stringify(e)));
  }
}
