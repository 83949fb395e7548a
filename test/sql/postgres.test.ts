// The reducer query executed on PostgreSQL through PGlite (WebAssembly), both layouts.
import { postgresEngine } from './engines.js';
import { identicalFindingsSuite } from './suite.js';

identicalFindingsSuite('PostgreSQL (PGlite)', postgresEngine, false);
