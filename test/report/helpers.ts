// Test helper: hand-built findings and reports (a user revocation, a system one, a failure).
import type { Finding, ScanReport } from '../../src/model/report.js';
import { SCHEMA_VERSION } from '../../src/model/report.js';

const RULE_REVOKED = { id: 'okta-api-token-revoked', title: 'Okta API Token Revoked', level: 'low' };
const RULE_BY_USER = { id: 'okta-api-token-revoked-by-user', title: 'Okta API Token Revoked by User', level: 'medium' };

type FindingPatch = Partial<Omit<Finding, 'token' | 'revokedBy' | 'client'>> & {
  token?: Partial<Finding['token']>;
  revokedBy?: Partial<Finding['revokedBy']>;
  client?: Partial<Finding['client']>;
} & Record<string, unknown>;

/** A user revocation at 2024-05-01 12:00:00Z matching both rules; `patch` overrides fields. */
export function makeFinding(patch: FindingPatch = {}): Finding {
  const published = patch.published ?? '2024-05-01T12:00:00.123Z';
  const id = patch.id ?? 'a1b2c3d4-0000-4000-8000-000000000001';
  const { token, revokedBy, client, ...rest } = patch;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'revocation',
    id,
    published,
    publishedMs: Date.parse(published),
    rules: [RULE_REVOKED, RULE_BY_USER],
    outcome: 'SUCCESS',
    event: { uuid: id, eventType: 'system.api_token.revoke', published },
    ...rest,
    token: { id: '00Tabc123def456ghi78', name: 'ci-deploy', ...token },
    revokedBy: {
      kind: 'user',
      id: '00u1ann',
      type: 'User',
      alternateId: 'ann@corp.example',
      displayName: 'Ann Example',
      ...revokedBy,
    },
    client: {
      ipAddress: '203.0.113.7',
      city: 'Berlin',
      country: 'Germany',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0',
      ...client,
    },
  };
}

/** The three standard findings: user revocation, system revocation, failed revocation. */
export function standardFindings(): Finding[] {
  return [
    makeFinding(),
    makeFinding({
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      published: '2024-05-02T03:04:05.000Z',
      rules: [RULE_REVOKED],
      token: { id: '00Tsys000000000000001', name: 'legacy-sync' },
      revokedBy: { kind: 'system', id: '0oa1system', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System' },
      client: { ipAddress: null, city: null, country: null, userAgent: null },
    }),
    makeFinding({
      id: 'a1b2c3d4-0000-4000-8000-000000000003',
      published: '2024-05-03T23:59:59.999Z',
      outcome: 'FAILURE',
      token: { id: '00Tfail00000000000001', name: 'billing-export' },
      revokedBy: { id: '00u2bob', alternateId: 'bob@corp.example', displayName: 'Bob' },
      client: { ipAddress: '198.51.100.23', city: null, country: 'United States' },
    }),
  ];
}

/** A report over `findings` from two inputs with consistent counts. */
export function makeReport(findings: Finding[] = standardFindings()): ScanReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    inputs: [
      { path: 'exports/a.ndjson', format: 'ndjson', events: 1200, duplicates: 3, diagnostics: 1 },
      { path: 'exports/b.json.gz', format: 'gzip+array', events: 34, duplicates: 0, diagnostics: 0 },
    ],
    summary: {
      files: 2,
      skipped: 0,
      events: 1234,
      duplicates: 3,
      diagnostics: 1,
      unreadRevocations: 0,
      findings: findings.length,
      byRule: { [RULE_REVOKED.id]: findings.length },
    },
    findings,
    diagnostics: [{ file: 'exports/a.ndjson', line: 17, offset: 4096, reason: 'invalid JSON: unexpected end of record' }],
  };
}

/** All chunks of a reporter run, concatenated. */
export function collect(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}
