// Rule metadata: title, level, status, logsource checks, and the Okta logsource test.
import { Problem } from './errors.js';
import type { RuleLogsource } from './types.js';

/** Valid `level` values, least to most severe. */
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
/** Valid `status` values. */
export const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;

/** true for a YAML mapping (a plain object). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The rule's title when it has a usable one (for error messages), else null. */
export function ruleTitle(raw: unknown): string | null {
  return isMap(raw) && typeof raw.title === 'string' && raw.title.trim() !== '' ? raw.title : null;
}

/**
 * Why a rule that is not a correlation or filter rule is not for Okta, or null when it is: every
 * `product`/`service` it gives must be `okta` (case-insensitively), and it must give one of them.
 */
export function notOktaReason(raw: unknown): string | null {
  if (!isMap(raw) || !isMap(raw.logsource)) return null; // compileRule reports it
  const { product, service } = raw.logsource;
  const given = [product, service].filter((v) => v !== undefined && v !== null);
  if (given.length === 0) return 'logsource names no product or service (this tool reads Okta System Log only)';
  if (given.every((v) => typeof v === 'string' && v.toLowerCase() === 'okta')) return null;
  const desc = Object.entries({ product, service })
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
  return `logsource is not Okta (${desc})`;
}

/** A list-of-strings attribute (a single string counts as a list of one). */
export function stringList(raw: Record<string, unknown>, key: string): string[] {
  const v = raw[key];
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
  throw new Problem(`${key} must be a list of strings`);
}

/** A string attribute, or null when absent (a list of strings is joined). */
export function optionalString(raw: Record<string, unknown>, key: string): string | null {
  const v = raw[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  throw new Problem(`${key} must be a string`);
}

/** The rule's logsource (product, service, category). */
export function logsourceOf(raw: Record<string, unknown>): RuleLogsource {
  if (!isMap(raw.logsource)) throw new Problem('missing logsource');
  const out: RuleLogsource = {};
  for (const key of ['product', 'service', 'category'] as const) {
    const v = raw.logsource[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new Problem(`logsource ${key} must be a string`);
    out[key] = v;
  }
  return out;
}
