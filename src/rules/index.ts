// Public API of the Sigma rule engine: compile and load rules, match Okta events.
export { builtinRulesDir, loadBuiltinRules, loadRules } from './load.js';
export { compileRule } from './compile.js';
export { LEVELS } from './metadata.js';
export { RuleError } from './errors.js';
export type { CompileOptions, SigmaRule, SkippedRule } from './types.js';
