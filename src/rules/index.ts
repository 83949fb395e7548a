// Public API of the Sigma rule engine: compile and load rules, match Okta events.
export { builtinRulesDir, loadBuiltinRules, loadRules } from './load.js';
export { compileRule } from './compile.js';
export { LEVELS, notOktaReason, STATUSES } from './metadata.js';
export { RuleError } from './errors.js';
export { REGEX_MAX_PROGRAM, REGEX_SUBJECT_CAP } from './safe-regex.js';
export type { CompileOptions, LoadResult, RuleLogsource, SigmaRule, SkippedRule } from './types.js';
