// The texts around the option table (usage, examples, exit codes, environment): `--help` and the manual page print both.
import { ExitCode } from '../errors.js';

/** A worked example: a command line, as typed in a shell, and what it does. */
export interface Example {
  readonly command: string;
  readonly does: string;
}

/** One exit code of the process: a few words for `--help`, a sentence or more for the manual page. */
export interface ExitCodeText {
  readonly code: number;
  readonly brief: string;
  readonly manual: string;
}

/** One environment variable the CLI reads. */
export interface EnvironmentText {
  readonly name: string;
  readonly manual: string;
}

/** The program's name, as typed. */
export const PROGRAM = 'okta-revoke-scan';

/** What the scan does, in one line (under `Usage:`, and the manual page's NAME). */
export const SCAN_SUMMARY = 'Find every Okta API token revocation in System Log exports and report who revoked it.';

/** What the `rules` command does, in one line. */
export const RULES_SUMMARY = 'List the Sigma rules okta-revoke-scan loads, or try them on exports.';

/** What the `tokens` command does, in one line. */
export const TOKENS_SUMMARY = 'List every API token the exports know: owner, creation, last use, places, status, and flags worth a look.';

/** The scan's examples, in `--help` order. */
export const SCAN_EXAMPLES: readonly Example[] = [
  { command: 'okta-revoke-scan export.ndjson', does: 'Table of every revocation in an export' },
  { command: 'okta-revoke-scan logs/ backup.json.gz', does: 'Several inputs: folders, gzip, overlapping files (deduplicated)' },
  { command: `okta-revoke-scan export.json | jq -r 'select(.kind == "revocation") | .token.name'`, does: 'Names of revoked tokens (NDJSON when piped: the incidents, then the findings)' },
  { command: "okta-revoke-scan export.json | jq 'select(.revokedBy.kind == \"user\")'", does: 'Revocations made by a person' },
  { command: 'gunzip -c export.json.gz | okta-revoke-scan -', does: 'Read stdin' },
  { command: 'okta-revoke-scan --format json export.ndjson > report.json', does: 'One JSON document with inputs, summary and findings' },
  { command: 'okta-revoke-scan --before 7d --after 1h export.ndjson', does: 'Wider activity windows around each revocation' },
  { command: 'okta-revoke-scan hooks.ndjson okta.csv splunk-export.json', does: 'Event Hook deliveries, CSV and SIEM exports in one run' },
  { command: 'okta-revoke-scan --events-path result.items api-dump.json', does: 'Events under a key the tool does not guess (events, data and hits.hits it finds itself)' },
  { command: 'okta-revoke-scan --from 7d --tz Europe/Berlin export.ndjson', does: 'Revocations of the last 7 days of the export, local times' },
  { command: 'okta-revoke-scan --rules sigma/rules/identity/okta --hunt export.ndjson', does: 'Run your Sigma rules: their hits in the windows, and every other hit' },
  { command: 'okta-revoke-scan -f csv -o revocations.csv export.ndjson', does: 'Spreadsheet: one row per window event, formula-safe' },
  { command: 'okta-revoke-scan -f timesketch -o timeline.jsonl logs/', does: 'Timeline for Timesketch: revocations and their window events, tagged' },
  { command: 'okta-revoke-scan -f html -o report.html export.ndjson', does: 'One page to hand over: incidents, timelines and events, nothing loaded' },
  { command: 'okta-revoke-scan -q --no-progress -o report.ndjson export.json.gz', does: 'Quiet run for scripts; the report appears only when complete' },
  { command: 'okta-revoke-scan --min-severity medium export.ndjson', does: 'Only revocations whose window looks unusual' },
];

/** The `rules` command's examples. */
export const RULES_EXAMPLES: readonly Example[] = [
  { command: 'okta-revoke-scan rules list --rules sigma/rules/identity/okta', does: 'Which of these rules load, and how each is pre-filtered' },
  { command: 'okta-revoke-scan rules test --rules my-rules/ export.ndjson', does: 'What each rule matches in an export' },
];

/** The `tokens` command's examples. */
export const TOKENS_EXAMPLES: readonly Example[] = [
  { command: 'okta-revoke-scan tokens export.ndjson', does: 'Every token in an export, the most worrying first' },
  { command: 'okta-revoke-scan tokens --from 7d export.ndjson | jq -r .id', does: 'Ids of the tokens with an event in the last 7 days of the export' },
  { command: 'okta-revoke-scan tokens --min-severity medium --fail-on-flags logs/', does: 'Only tokens with a flag of medium or high; exit 1 when there is one' },
  { command: 'okta-revoke-scan tokens -f csv -o tokens.csv export.ndjson', does: 'Spreadsheet: one row per token' },
];

/** Every exit code the process can end with, in order. */
export const EXIT_CODES: readonly ExitCodeText[] = [
  {
    code: ExitCode.Ok,
    brief: 'done (findings or not)',
    manual:
      'Done, with or without findings, however broken the input: bad records are diagnostics, not errors. Also when the reader of stdout goes away early (`| head`).',
  },
  {
    code: ExitCode.Findings,
    brief: 'findings with --fail-on-findings (tokens: flags with --fail-on-flags)',
    manual: 'At least one revocation reported, or a record naming `system.api_token.revoke` that could not be read (a possible lost revocation), with `--fail-on-findings`; `tokens`: at least one reported token carries a flag, with `--fail-on-flags`.',
  },
  {
    code: ExitCode.Usage,
    brief: 'usage error',
    manual:
      'Usage error: an unknown option, a bad value (a duration, a time without a zone, an unknown `--tz`), a `--rules` path that does not exist, an `-o` file that is an input or cannot be created; a rule that cannot be used, with `--strict-rules`. `rules list` and `rules test`: any rule that cannot be used (the others are still shown).',
  },
  {
    code: ExitCode.Input,
    brief: 'unreadable input (missing file, not one event in it, or any diagnostic with --strict)',
    manual:
      'Unreadable input: a path that cannot be read (missing, permission denied, a folder with no file to read, `-` given twice), an input with no JSON and no CSV event table in it, or in which not one record is an Okta event (only problems: encrypted, random bytes, another log; the other inputs are still reported), an input that changed while it was scanned; any diagnostic with `--strict`; a report file (`-o`) whose writing failed (the previous file is left as it was).',
  },
  {
    code: ExitCode.Internal,
    brief: 'internal error (a bug: --debug prints its stack)',
    manual: 'Internal error: a bug. stderr says what failed; run again with `--debug` for the stack trace to put in a bug report.',
  },
  { code: ExitCode.Interrupted, brief: 'interrupted (Ctrl-C)', manual: 'Interrupted by Ctrl-C (SIGINT). Temporary files are removed and an `-o` file is left as it was.' },
  { code: ExitCode.Terminated, brief: 'terminated (SIGTERM)', manual: 'Terminated by SIGTERM, cleaned up as for Ctrl-C.' },
];

/** The environment variables the CLI reads. */
export const ENVIRONMENT: readonly EnvironmentText[] = [
  { name: 'NO_COLOR', manual: 'Any value but empty: no colours (`--color` wins).' },
  { name: 'FORCE_COLOR', manual: 'Colours even when stdout is not a terminal; `0` or `false`: none (`--no-color` wins; `NO_COLOR` wins over it).' },
  { name: 'CI', manual: 'Any value but empty: no progress bar unless `--progress`.' },
  { name: 'TERM', manual: '`dumb`: no colours and no progress bar unless asked for.' },
  { name: 'TMPDIR', manual: 'Where stdin and pipes are copied while they are read, and where the record index and spill files live (all removed at the end).' },
];

/** Files the CLI reads besides its inputs, and the files it ships. */
export const FILES: readonly { readonly path: string; readonly manual: string }[] = [
  { path: 'rules/*.yml', manual: 'The two built-in Sigma rules, also usable in a SIEM as they are.' },
  { path: 'schema/finding.schema.json', manual: 'JSON Schema of a finding and a detection: one `ndjson` line.' },
  { path: 'schema/report.schema.json', manual: 'JSON Schema of the `--format json` document.' },
  { path: 'schema/tokens.schema.json', manual: 'JSON Schema of the `tokens --format json` document; its token records are the `token` kind of finding.schema.json.' },
];

/** `--help`'s list of exit codes, made from {@link EXIT_CODES}: one line each. */
export function exitCodesBrief(): string {
  return ['Exit codes:', ...EXIT_CODES.map((e) => `  ${String(e.code).padEnd(4)} ${e.brief}`)].join('\n');
}

/** The scan's `--help` notes after the examples: inputs, outputs, environment. */
export const SCAN_NOTES = `Input format comes from the content, not the file name: NDJSON/JSONL, JSON arrays (compact,
pretty, or several pages one after another), single objects, Okta Event Hook deliveries, documents
with the events under "events" or "data" (or --events-path), events wrapped as JSON text (message,
Elastic event.original, Splunk _raw), CSV with a header row; gzip is detected by its magic bytes.
Folders are read recursively, every file by its content (hidden files, documents and archives are
left out and listed; --include/--exclude choose); - reads stdin.
Times are printed in UTC; --from/--to take a time with Z or an offset, a date (a UTC day), or a
duration counted back from the newest event in the input, not from now (--from 7d). To scan a file
or folder named rules, write ./rules.

Output: table for people; ndjson (the incident summaries, then one finding per line) and json
(one document) for jq and scripts, described by the JSON Schemas in schema/; csv (one row per
window event, safe to open in a spreadsheet); timesketch (JSONL for Timesketch import); html (one
self-contained page to open in a browser: incidents, timelines, events). -o writes FILE only once
the report is complete: a FILE that is an input or cannot be created is exit 2, a write that
fails later 3.

Environment: NO_COLOR turns colours off, FORCE_COLOR on (--color/--no-color win over both);
CI (set) turns the progress bar off, TERM=dumb colours and the bar; TMPDIR holds temporary files.
The bar is drawn on stderr, never on stdout.`;

/** The `rules` command's `--help` notes after the examples. */
export const RULES_NOTES = `Both commands load the built-in rules (unless --no-builtin-rules) and every --rules path, name
each rule that cannot be used (file, title, problem) on stderr, and exit 2 when there is one;
the other rules are still listed or tested. 'test' parses every record of the exports.`;

/** The `tokens` command's `--help` notes after the examples. */
export const TOKENS_NOTES = `Inputs are read as by a scan: same shapes, folders, gzip, stdin; duplicates are skipped. One
record per token id seen anywhere: a Token target of an event (system.api_token.*) or the token a
call was made with (transaction.detail.requestApiTokenId). Flags: created-by-token (high),
privileged-use (as heavy as its most sensitive call), proxy (medium; high with a threat verdict),
many-places and orphaned (medium), dormant and never-used (low). orphaned, dormant and never-used
are only for tokens the input does not show revoked: status "active" only means that the input
holds no revocation of the token. Output: table for people; ndjson (one token per line) and json
for jq, described by schema/tokens.schema.json; csv (one row per token). Guide: docs/tokens.md.`;

/** The manual page's DESCRIPTION, one paragraph per item. */
export const DESCRIPTION: readonly string[] = [
  'Reads Okta System Log exports (NDJSON, JSON arrays, Event Hook deliveries, documents, SIEM wrappers, CSV; files, folders, gzip, stdin, pipes), runs the two Sigma rules in `rules/` (and any `--rules`) and reports every `system.api_token.revoke` event they match: the token, whether the revocation succeeded, who revoked it and, unless `--no-window`, the linked activity around it (events made with the token, by the revoker, by the token\'s owner, from the token\'s addresses), rated by triage signals with a severity. With `--hunt`, every other event a rule matches is reported too. Nothing is sent anywhere.',
  'The report goes to stdout: a table on a terminal, NDJSON (the incident summaries, then one finding per line) otherwise. Counts, diagnostics (bad records: file, line or offset, reason) and the progress bar go to stderr. Every time is UTC ISO 8601, except the table\'s with `--tz`.',
  '`okta-revoke-scan rules list` prints the rules that load and how each is pre-filtered; `okta-revoke-scan rules test` what each matches in exports. `rules` as the first word is that command: to scan a file or folder named `rules`, write `./rules`.',
  '`okta-revoke-scan tokens` lists every API token the exports know: one record per token with its owner, creation, status, last use, addresses, user agents, event types and flags (see TOKENS COMMAND OPTIONS, and docs/tokens.md). `tokens` as the first word is that command too: to scan a file or folder named `tokens`, write `./tokens`.',
];

/** The manual page's SEE ALSO: the user documentation, relative to docs/. */
export const SEE_ALSO: readonly { readonly path: string; readonly title: string }[] = [
  { path: '../README.md', title: 'install, quick start, jq recipes' },
  { path: 'guide.md', title: 'usage guide' },
  { path: 'inputs.md', title: 'input shapes' },
  { path: 'output.md', title: 'output formats and fields' },
  { path: 'rules.md', title: 'custom Sigma rules and hunting' },
  { path: 'signals.md', title: 'triage signals and severity' },
  { path: 'tokens.md', title: 'the token inventory' },
  { path: 'limits.md', title: 'limits' },
  { path: 'performance.md', title: 'how it is fast' },
  { path: 'faq.md', title: 'questions' },
];
