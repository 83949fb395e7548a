// Public shapes of the Sigma rule engine: compiled rules, compile options, load results.
import type { RuleError } from './errors.js';

/** Where a rule says its events come from (Sigma `logsource`); only these three keys are kept. */
export interface RuleLogsource {
  product?: string;
  service?: string;
  category?: string;
}

/** A Sigma rule compiled to a matcher over Okta events. */
export interface SigmaRule {
  /** The rule's `id`; `<file>` (or `<file>#<n>` in a multi-document file) when it has none. */
  id: string;
  title: string;
  /** `informational`, `low`, `medium`, `high` or `critical`; `medium` when the rule has none. */
  level: string;
  status: string | null;
  description: string | null;
  tags: string[];
  /** The rule file, as given to the loader (or to `compileRule`). */
  file: string;
  logsource: RuleLogsource;
  /** Rule `author`, when given. */
  author: string | null;
  /** Rule `references`. */
  references: string[];
  /** Rule `falsepositives`. */
  falsepositives: string[];
  /** true when the event matches the rule's detection; anything but an object (null, a string…) never does */
  matches(doc: unknown): boolean;
  /**
   * Literal strings of which at least one must occur (case-insensitively) as a substring of some
   * string value of any event that matches, or null when no such set can be derived. Used by the
   * scanner as a raw-byte pre-filter, so it is SOUND: when in doubt it is null. Literals are given
   * in the rule's spelling, are never empty, and contain only printable ASCII other than `"`, `\`
   * and `/`, so they also appear verbatim in JSON text unless a `\u` escape hides them.
   */
  literals: string[] | null;
}

/** Options for compiling rules. */
export interface CompileOptions {
  /**
   * Values for `%name%` placeholders of the `expand` modifier; each name expands to an OR of its
   * values (Sigma strings: `*` and `?` are wildcards). A placeholder with no values is a rule error.
   */
  placeholders?: Record<string, string[]>;
}

/** A rule the loader did not compile because it is not for Okta (or not a rule at all). */
export interface SkippedRule {
  file: string;
  title: string | null;
  reason: string;
}

/** What `loadRules` found. Errors and skips never stop the other rules from loading. */
export interface LoadResult {
  rules: SigmaRule[];
  errors: RuleError[];
  skipped: SkippedRule[];
}

/** A compiled test of one value found in an event (`undefined` = the field is missing). */
export type ValueTest = (value: unknown) => boolean;

/** A compiled test of a whole event. */
export type DocTest = (doc: Record<string, unknown>) => boolean;
