// The corpus generator: every family of broken and hostile inputs, built from the sample export.
import type { CorpusCase } from './case.js';
import { bigCases } from './big.js';
import { byteCases } from './bytes.js';
import { gzipCases } from './gzip.js';
import { hostileCases } from './hostile.js';
import { mixedCases } from './mixed.js';
import { shapeCases } from './shapes.js';
import { truncationCases } from './truncation.js';

/** Every case, in a stable order; names are unique. */
export function generateCorpus(): CorpusCase[] {
  const cases = [...truncationCases(), ...byteCases(), ...shapeCases(), ...mixedCases(), ...gzipCases(), ...bigCases(), ...hostileCases()];
  return cases;
}
