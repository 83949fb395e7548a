// Escaping for the HTML report: log text in element text and attributes, and JSON inside a <script> data block.
import { safeText } from '../sanitize.js';

const HTML_SPECIAL = /[&<>"']/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `s` as HTML text, safe in element content and inside a double- or single-quoted attribute value
 * (`& < > " '` become character references). For strings the report itself writes.
 */
export function escapeHtml(s: string): string {
  return s.replace(HTML_SPECIAL, (c) => ENTITY[c]!);
}

/**
 * A string from the log as HTML text (content or quoted attribute): controls, bidi overrides and
 * invisible characters first shown as escapes (`\x1b`, `\u202e`, see `safeText`), so a name cannot
 * reorder or hide the text around it, then escaped like {@link escapeHtml}. `null` and `''` become `fallback`.
 */
export function logHtml(s: string | null | undefined, fallback = '-'): string {
  return s === null || s === undefined || s === '' ? escapeHtml(fallback) : escapeHtml(safeText(s));
}

/** Characters that must not appear raw in a <script> element's text, or in JavaScript source. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON text made safe inside a `<script type="application/json">` element: `<`, `>`, `&` and the
 * line and paragraph separators become `\u` escapes, so no log text can close the element
 * (`</script>`), open a comment (`<!--`) or end a line of script. Valid JSON has these characters
 * only inside strings, where the escape means the same character: the value parses back unchanged.
 */
export function scriptJson(json: string): string {
  return json.replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What an id the report makes may be: letters, digits and `-` (never log text, so it is safe in `#` URLs and attributes). */
const ID = /^[a-z][a-z0-9-]*$/;

/** `#id` for an id the report made; throws on anything else, so no log text ever becomes a URL. */
export function fragmentHref(id: string): string {
  if (!ID.test(id)) throw new TypeError(`not a report id: ${JSON.stringify(id)}`);
  return `#${id}`;
}
