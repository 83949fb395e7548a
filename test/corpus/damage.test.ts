// Corpus: damaged bytes, wrong types, mixed layouts, deep nesting and hostile field values.
import { corpusSuite } from './suite.js';

corpusSuite(['bytes', 'shapes', 'mixed', 'big', 'hostile']);
