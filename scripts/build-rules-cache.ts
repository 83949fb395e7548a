// Build step (npm run build): parses the shipped rules once, so runs need not load the YAML parser.
import * as yaml from 'yaml';
import { writeBuiltinCache } from '../src/rules/builtin-cache.js';
import { parseRuleDocuments } from '../src/rules/collection.js';
import { builtinRulesDir } from '../src/rules/load.js';

const count = writeBuiltinCache(builtinRulesDir(), (text, file, errors) => parseRuleDocuments(text, file, errors, yaml));
process.stdout.write(`built-in rules cache: ${count} file(s)\n`);
