// Corpus: 64 MiB lines and records, in their own file so they run beside the rest.
import { corpusSuite } from './suite.js';

corpusSuite(['huge']);
