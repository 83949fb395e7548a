// The page around the HTML report: head with its Content-Security-Policy, the stylesheet, the viewer dialog, the originals and the script.
import { SCRIPT, SCRIPT_HASH, STYLES, STYLES_HASH } from './assets.generated.js';
import { escapeHtml } from './escape.js';
import type { OriginalsTable } from './originals.js';

/**
 * The page's Content-Security-Policy: nothing may be loaded from anywhere (`default-src 'none'`),
 * and the only script and stylesheet that run are the report's own, by their SHA-256 hashes: no
 * inline handler, `style` attribute, injected element or URL can run or load anything.
 */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; script-src '${SCRIPT_HASH}'; style-src '${STYLES_HASH}'; base-uri 'none'; form-action 'none'`;

/** The document's start, up to and including `<body>`. */
export function pageStart(title: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="color-scheme" content="light dark">\n<meta name="generator" content="okta-revoke-scan">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLES}</style>\n</head>\n<body>\n` +
    '<a class="skip" href="#revocations">Skip to the revocations</a>\n'
  );
}

/**
 * The document's end: the originals not written yet (data blocks, never run), the dialog that
 * shows an original, the marks' tooltip, and the page script.
 */
export function* pageEnd(originals: OriginalsTable): Generator<string> {
  yield* originals.flush();
  yield (
    '\n<dialog id="orig" aria-labelledby="orig-h"><div class="dlg-head"><h2 id="orig-h">Original event</h2>' +
    '<button type="button" class="copy">Copy</button><button type="button" class="close" autofocus>Close</button></div>' +
    '<pre id="orig-text" tabindex="0"></pre></dialog>\n<div id="tip" role="tooltip" hidden></div>\n' +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
