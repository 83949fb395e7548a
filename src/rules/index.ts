// Public API of the Sigma rule engine: compile and load rules, match Okta events.
export { builtinRulesDir, loadBuiltinRules, loadRules } from './load.js';
export { compileRule, LEVELS, notOktaReason, STATUSES } from './compile.js';
export { RuleError } from './errors.js';
export { REGEX_MAX_STATES, REGEX_SUBJECT_CAP } from './safe-regex.js';
export type { CompileOptions, LoadResult, RuleLogsource, SigmaRule, SkippedRule } from './types.js';
