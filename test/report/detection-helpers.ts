// Test helper: hand-built detection records (--hunt) and a report holding findings and detections.
import { SCHEMA_VERSION, type Detection, type Finding, type RuleRef, type ScanReport } from '../../src/model/report.js';
import { countByRule } from '../../src/scan/match-rules.js';
import { makeReport, standardFindings } from './helpers.js';

export const RULE_ROLE: RuleRef = { id: 'okta-admin-role', title: 'Okta Admin Role Assigned', level: 'high' };
export const RULE_MFA: RuleRef = { id: 'okta-mfa-reset', title: 'Okta MFA Reset or Deactivated', level: 'medium' };
export const RULE_INFO: RuleRef = { id: 'okta-info', title: 'Okta Sign-In Seen', level: 'informational' };

type DetectionPatch = Partial<Omit<Detection, 'actor' | 'client'>> & { actor?: Partial<Detection['actor']>; client?: Partial<Detection['client']> };

/** A detection of an admin role grant at `published` (default 2024-05-01 11:00Z); `patch` overrides fields. */
export function makeDetection(patch: DetectionPatch = {}): Detection {
  const published = patch.published ?? '2024-05-01T11:00:00.000Z';
  const id = patch.id ?? `det-${published}`;
  const { actor, client, ...rest } = patch;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'detection',
    id,
    published,
    publishedMs: Date.parse(published),
    rules: [RULE_ROLE],
    eventType: 'user.account.privilege.grant',
    outcome: 'SUCCESS',
    targets: [{ id: '00u7carl', type: 'User', alternateId: 'carl@corp.example', displayName: 'Carl Target' }],
    event: { text: JSON.stringify({ uuid: id, published, eventType: patch.eventType ?? 'user.account.privilege.grant' }) },
    ...rest,
    actor: { id: '00u1ann', type: 'User', alternateId: 'ann@corp.example', displayName: 'Ann Example', ...actor },
    client: { ipAddress: '198.51.100.23', city: null, country: 'Romania', userAgent: null, ...client },
  };
}

/** Detections before, between and after the standard findings (2024-05-01 12:00Z, 05-02, 05-03). */
export function standardDetections(): Detection[] {
  return [
    makeDetection({ published: '2024-04-30T09:00:00.000Z', rules: [RULE_INFO] }),
    makeDetection(),
    makeDetection({ published: '2024-05-02T03:04:05.000Z', id: 'a1b2c3d4-0000-4000-8000-000000000001', rules: [RULE_MFA, RULE_ROLE], eventType: 'user.mfa.factor.reset_all' }),
    makeDetection({ published: '2024-05-09T00:00:00.000Z', rules: [RULE_MFA] }),
  ];
}

/** makeReport with `detections` and their counts in the summary, as a --hunt scan makes it. */
export function huntReport(findings: Finding[] = standardFindings(), detections: Detection[] = standardDetections()): ScanReport {
  const report = makeReport(findings);
  report.detections = detections;
  report.summary.detections = detections.length;
  report.summary.detectionsByRule = countByRule(detections);
  return report;
}
