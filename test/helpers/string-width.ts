// Test helper: the exact string-width function cli-table3 measures cells with (resolved from it).
import { createRequire } from 'node:module';

const requireFromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));

/** Columns `s` takes according to cli-table3's own string-width (ANSI ignored). */
export const tableStringWidth = requireFromTable('string-width') as (s: string) => number;
