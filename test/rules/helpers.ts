// Helpers for the rule engine tests: compile a detection or a YAML rule text in one call.
import { parse } from 'yaml';
import { compileRule, type CompileOptions, type SigmaRule } from '../../src/rules/index.js';

/** The file name the helpers compile under. */
export const FILE = 'rules/test.yml';

/** Compiles a rule with the given detection (and Okta logsource, title "Test rule"). */
export function detect(detection: Record<string, unknown>, options?: CompileOptions): SigmaRule {
  return compileRule({ title: 'Test rule', logsource: { product: 'okta', service: 'okta' }, detection }, FILE, options);
}

/**
 * Compiles a detection written as YAML (indented as under `detection:`), so that values are quoted
 * exactly as in a rule file.
 */
export function detectYaml(yamlDetection: string, options?: CompileOptions): SigmaRule {
  return detect(parse(yamlDetection) as Record<string, unknown>, options);
}

/** Compiles a whole rule written as YAML. */
export function ruleYaml(text: string, options?: CompileOptions): SigmaRule {
  return compileRule(parse(text), FILE, options);
}
