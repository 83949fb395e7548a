// Sensitive Okta event types, as data: what each one means for a responder and how much it weighs.
import { CREATE_EVENT } from '../events/event-types.js';
import type { Severity } from '../model/severity.js';

/** One sensitive event type. */
export interface PrivilegedType {
  severity: Severity;
  /** Why it matters, a few words. */
  reason: string;
  /** Only when the event itself was made with an API token. */
  viaToken?: boolean;
}

const lifecycle = (prefix: string, verbs: readonly string[], entry: PrivilegedType): [string, PrivilegedType][] =>
  verbs.map((v) => [`${prefix}.${v}`, entry]);

const LIFECYCLE = ['create', 'update', 'delete', 'activate', 'deactivate'] as const;

/**
 * Event type (lower case) → why it is sensitive. User lifecycle changes are low: provisioning
 * tokens make them all day; they still count as evidence and add up with other signals.
 */
export const PRIVILEGED_TYPES: ReadonlyMap<string, PrivilegedType> = new Map<string, PrivilegedType>([
  ['user.account.privilege.grant', { severity: 'high', reason: 'admin role granted to a user' }],
  ['group.privilege.grant', { severity: 'high', reason: 'admin role granted to a group' }],
  ['user.mfa.factor.reset_all', { severity: 'high', reason: 'all MFA factors reset' }],
  ['user.mfa.factor.deactivate', { severity: 'high', reason: 'MFA factor removed' }],
  ['system.mfa.factor.deactivate', { severity: 'high', reason: 'MFA factor type turned off for the org' }],
  [CREATE_EVENT, { severity: 'high', reason: 'API token created by a token: persistence', viaToken: true }],
  ['user.session.impersonation.initiate', { severity: 'high', reason: 'session impersonation started' }],
  ['user.session.impersonation.grant', { severity: 'high', reason: 'session impersonation granted' }],
  ...lifecycle('system.idp.lifecycle', LIFECYCLE, { severity: 'high', reason: 'identity provider changed (sign-in as any user)' }),
  ...lifecycle('policy.lifecycle', LIFECYCLE, { severity: 'medium', reason: 'policy changed' }),
  ['policy.rule.add', { severity: 'medium', reason: 'policy rule changed' }],
  ...lifecycle('policy.rule', ['update', 'delete', 'activate', 'deactivate'], { severity: 'medium', reason: 'policy rule changed' }),
  ...lifecycle('zone', LIFECYCLE, { severity: 'medium', reason: 'network zone changed (allow or block lists)' }),
  ['user.lifecycle.create', { severity: 'low', reason: 'user created' }],
  ['user.lifecycle.activate', { severity: 'low', reason: 'user activated' }],
  ['user.lifecycle.reactivate', { severity: 'low', reason: 'user reactivated' }],
  ['user.lifecycle.delete.initiated', { severity: 'low', reason: 'user deleted' }],
  ['user.lifecycle.delete.completed', { severity: 'low', reason: 'user deleted' }],
  ...lifecycle('application.lifecycle', LIFECYCLE, { severity: 'medium', reason: 'application changed' }),
  ['user.account.reset_password', { severity: 'medium', reason: 'password reset' }],
  ['user.account.update_password', { severity: 'medium', reason: 'password set' }],
  ['user.account.privilege.revoke', { severity: 'low', reason: 'admin role removed' }],
  ['group.privilege.revoke', { severity: 'low', reason: 'admin role removed from a group' }],
]);

/** The entry for an event type (any case), or undefined. */
export function privilegedType(eventType: string): PrivilegedType | undefined {
  // Okta writes event types in lower case: look the type up as it is first.
  return PRIVILEGED_TYPES.get(eventType) ?? PRIVILEGED_TYPES.get(eventType.toLowerCase());
}
