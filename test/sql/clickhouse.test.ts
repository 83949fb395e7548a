// The reducer query executed on ClickHouse through chDB (in-process), both layouts.
import { clickhouseEngine } from './engines.js';
import { identicalFindingsSuite } from './suite.js';

identicalFindingsSuite('ClickHouse (chDB)', clickhouseEngine, false);
