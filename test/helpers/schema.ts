// Test helper: the published JSON Schemas (schema/*.json) compiled with Ajv for draft 2020-12.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`schema/${name}`, 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(read('finding.schema.json'));
ajv.addSchema(read('report.schema.json'));
ajv.addSchema(read('tokens.schema.json'));

/** Validates one finding record (an NDJSON line). */
export const validateFinding: ValidateFunction = ajv.getSchema('urn:okta-revoke-scan:schema:finding:1')!;

/** Validates a whole `--format json` document. */
export const validateReport: ValidateFunction = ajv.getSchema('urn:okta-revoke-scan:schema:report:1')!;

/** Validates a whole `tokens --format json` document. */
export const validateTokens: ValidateFunction = ajv.getSchema('urn:okta-revoke-scan:schema:tokens:1')!;

/** Ajv's errors as short readable lines, for assertion messages. */
export function schemaErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
