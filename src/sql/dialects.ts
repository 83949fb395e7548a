// Every dialect by name.
import { clickhouse } from './clickhouse.js';
import type { Dialect, DialectName } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { spark } from './spark.js';
import { trino } from './trino.js';

/** The dialect of each engine. */
export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, clickhouse, postgres, trino, spark };
