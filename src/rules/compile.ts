// compileRule: one parsed Sigma rule (a YAML mapping) checked and compiled to a SigmaRule.
import { parseCondition } from './condition.js';
import { compileSelection } from './detection.js';
import { Problem, quote, RuleError, valueText } from './errors.js';
import { compileExpr, exprLiterals, type Expr } from './expr.js';
import { isMap, LEVELS, logsourceOf, optionalString, ruleTitle, STATUSES, stringList } from './metadata.js';
import type { CompileOptions, SigmaRule } from './types.js';

/** Detection keys that are not search identifiers. */
const NOT_IDENTIFIERS = new Set(['condition', 'timeframe']);

function compileDetection(raw: Record<string, unknown>, options: CompileOptions): Expr {
  const detection = raw.detection;
  if (!isMap(detection)) throw new Problem('missing detection');
  const condition = detection.condition;
  if (condition === undefined || condition === null) throw new Problem('missing condition');
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (conditions.length === 0 || !conditions.every((c) => typeof c === 'string')) {
    throw new Problem('condition must be a string or a list of strings');
  }
  const selections = new Map<string, Expr>();
  for (const [name, body] of Object.entries(detection)) {
    if (NOT_IDENTIFIERS.has(name)) continue;
    selections.set(name, compileSelection(name, body, { placeholders: options.placeholders }));
  }
  if (selections.size === 0) throw new Problem('detection has no search identifiers');
  const parsed = conditions.map((c) => parseCondition(c, selections));
  return parsed.length === 1 ? parsed[0]! : { k: 'or', items: parsed };
}

/** compileRule with the index of the document in a multi-document file (for the fallback id). */
export function compileRuleAt(raw: unknown, file: string, documentIndex: number | null, options: CompileOptions = {}): SigmaRule {
  const title = ruleTitle(raw);
  try {
    if (!isMap(raw)) throw new Problem('not a mapping (a Sigma rule is a YAML mapping)');
    if ('correlation' in raw || raw.type === 'correlation') {
      throw new Problem('correlation rules are not supported (only single-event detection rules are)', true);
    }
    if ('filter' in raw || raw.type === 'filter') throw new Problem('Sigma filters (meta rules) are not supported', true);
    if ('action' in raw) throw new Problem(`collection action ${quote(valueText(raw.action))} is only valid in a multi-document file`);
    if (title === null) throw new Problem('missing title');
    const id = raw.id;
    if (id !== undefined && id !== null && typeof id !== 'string') throw new Problem('id must be a string');
    const level = raw.level ?? 'medium';
    if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) {
      throw new Problem(`invalid level ${quote(valueText(level))} (expected ${LEVELS.join(', ')})`);
    }
    const status = raw.status ?? null;
    if (status !== null && (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status))) {
      throw new Problem(`invalid status ${quote(valueText(status))} (expected ${STATUSES.join(', ')})`);
    }
    const logsource = logsourceOf(raw);
    const expr = compileDetection(raw, options);
    const matcher = compileExpr(expr);
    return {
      id: typeof id === 'string' && id !== '' ? id : documentIndex === null ? file : `${file}#${documentIndex}`,
      title,
      level,
      status,
      description: optionalString(raw, 'description'),
      tags: stringList(raw, 'tags'),
      file,
      logsource,
      author: optionalString(raw, 'author'),
      references: stringList(raw, 'references'),
      falsepositives: stringList(raw, 'falsepositives'),
      matches: (doc) => doc !== null && typeof doc === 'object' && matcher(doc as Record<string, unknown>),
      literals: exprLiterals(expr),
    };
  } catch (e) {
    if (e instanceof Problem) throw new RuleError(file, title, e.message, e.unsupported);
    throw e;
  }
}

/**
 * Compiles one Sigma rule (a parsed YAML mapping) to a matcher. Throws {@link RuleError} for
 * anything that is not a valid single-event detection rule this engine can run. The logsource is
 * not checked here (see `loadRules`).
 */
export function compileRule(raw: unknown, file: string, options?: CompileOptions): SigmaRule {
  return compileRuleAt(raw, file, null, options);
}
