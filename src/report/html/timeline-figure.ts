// A window's timeline figure: lane and zoom controls, the SVG, its legend, and its data for the page script.
import { SEVERITIES } from '../../model/severity.js';
import { logHtml, scriptJson } from './escape.js';
import { LANE_MODES, defaultView, type TimelineModel } from './timeline/model.js';
import { SEVERITY_LETTERS, timelineSvg } from './timeline/svg.js';

/** The width (CSS pixels) of the timeline as written; the page script redraws it to the width it gets. */
export const PAGE_WIDTH = 1000;

const MODE_WORDS: Readonly<Record<string, string>> = { link: 'link', actor: 'actor', address: 'address' };

function controls(id: string): string {
  const radios = LANE_MODES.map(
    (m, i) => `<label><input type="radio" name="${id}-mode" value="${m}"${i === 0 ? ' checked' : ''}> ${MODE_WORDS[m]}</label>`,
  ).join('');
  return (
    `<div class="tl-tools js-only" role="toolbar" aria-label="Timeline controls"><fieldset><legend>Lanes by</legend>${radios}</fieldset>` +
    '<span class="zoom"><button type="button" data-zoom="in">Zoom in</button><button type="button" data-zoom="out">Zoom out</button>' +
    '<button type="button" data-pan="-1" aria-label="Earlier">◀</button><button type="button" data-pan="1" aria-label="Later">▶</button>' +
    '<button type="button" data-zoom="reset">Whole window</button></span></div>'
  );
}

function legend(): string {
  const sev = [3, 2, 1, 0].map((s) => `<span class="key"><span class="dot s-${s}" aria-hidden="true">${SEVERITY_LETTERS[s]}</span> ${SEVERITIES[s]}</span>`).join('');
  return (
    '<figcaption><p class="legend">' +
    `<span class="key-title">Evidence:</span>${sev}<span class="key"><span class="dot s-n" aria-hidden="true"></span> not evidence</span>` +
    '<span class="key"><span class="dot bar" aria-hidden="true"></span> several events (taller: more)</span>' +
    '<span class="key"><span class="dot rev" aria-hidden="true">R</span> the revocation</span>' +
    '<span class="key"><span class="dot base" aria-hidden="true"></span> baseline (not to scale)</span></p>' +
    '<p class="minor js-only">Keys: ←/→ along a lane, ↑/↓ between lanes, Enter opens the original (zooms into several events), +/− zoom, 0 the whole window.</p></figcaption>'
  );
}

/**
 * The timeline figure of `model`: controls (shown when the script runs), the SVG drawn at
 * PAGE_WIDTH with lanes by link, the legend, and the model as inline JSON for the page script.
 */
export function timelineFigure(model: TimelineModel): string {
  const id = model.id;
  return (
    `<figure class="timeline" id="${id}-tl" aria-label="${logHtml(`Timeline of revocation ${id.slice(1)}`)}">${controls(id)}` +
    `<div class="tl-box">${timelineSvg(model, defaultView(model, PAGE_WIDTH))}</div>${legend()}` +
    `<script type="application/json" class="tl-data">${scriptJson(JSON.stringify(model))}</script></figure>`
  );
}

/** What the shaded baseline stands for, with `--baseline` when the scan gave it. */
export function baselineText(baseline: string | undefined): string {
  const burst = baseline === undefined ? '' : `; --baseline ${baseline} for the token's usual call rate and the revoker's sign-ins`;
  return `the history before the window that the signals compare with: every earlier call made with the token for new addresses, countries, networks and user agents${burst}`;
}
