// Test helper: where the browser tests find Chromium, and the one line said when it is missing.
import { existsSync } from 'node:fs';

/** Debian's chromium package; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Said (as a skipped test's name and on stderr) when Chromium is missing: never a silent pass. */
export const NO_CHROMIUM = `html browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`;
