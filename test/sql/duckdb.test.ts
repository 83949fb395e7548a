// The reducer query executed on DuckDB (@duckdb/node-api), both layouts.
import { duckdbEngine } from './engines.js';
import { identicalFindingsSuite } from './suite.js';

identicalFindingsSuite('DuckDB', duckdbEngine, true);
