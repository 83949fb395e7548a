// `npm run docs`: writes the manual page (docs/okta-revoke-scan.1.md) from the option table; a test checks it is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MANPAGE_PATH, renderManpage } from '../src/cli/manpage.js';
import { packageRoot } from '../src/package-root.js';

const path = join(packageRoot(), MANPAGE_PATH);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, renderManpage());
process.stdout.write(`manual page: ${MANPAGE_PATH}\n`);
