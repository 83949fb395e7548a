// Rule problems: the internal Problem thrown while compiling, and the RuleError users see.

/**
 * A problem found while compiling one part of a rule, before the rule's file and title are known
 * to the code that found it. `compileRule` turns it into a {@link RuleError}.
 */
export class Problem extends Error {
  /** The rule is valid Sigma of a kind this engine does not run (correlation, filter). */
  readonly unsupported: boolean;

  constructor(message: string, unsupported = false) {
    super(message);
    this.name = 'Problem';
    this.unsupported = unsupported;
  }
}

/**
 * A rule that cannot be used: not valid Sigma, or uses something this engine does not support.
 * The message is one line: `rules/x.yml: "My title": unknown modifier 'foo' in selection 'sel'`.
 */
export class RuleError extends Error {
  /** The rule file, as given to the loader. */
  readonly file: string;
  /** The rule's title, when it has a usable one. */
  readonly title: string | null;
  /** What is wrong, one line, without the file and title. */
  readonly problem: string;
  /**
   * true for valid Sigma of a kind this engine does not run (correlation rules, filters), as
   * opposed to a broken rule.
   */
  readonly unsupported: boolean;

  constructor(file: string, title: string | null, problem: string, unsupported = false) {
    super(formatRuleMessage(file, title, problem));
    this.name = 'RuleError';
    this.file = file;
    this.title = title;
    this.problem = problem;
    this.unsupported = unsupported;
  }
}

/** `file: "title": problem`, or `file: problem` without a title; always one line. */
function formatRuleMessage(file: string, title: string | null, problem: string): string {
  const one = problem.replace(/\s*[\r\n]+\s*/g, ' ');
  return title === null ? `${file}: ${one}` : `${file}: ${JSON.stringify(title)}: ${one}`;
}

/** A rule's YAML value as text for a problem message: a scalar as written, a list or a map as JSON (not `[object Object]`). */
export function valueText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return Array.isArray(v) ? 'a list' : 'a map'; // YAML aliases can make a value contain itself
  }
}

/** Quotes a user-supplied name for a problem message, shortened if very long. */
export function quote(text: string): string {
  const s = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `'${s.replace(/[\r\n]+/g, ' ')}'`;
}
