// Command-line input arguments → concrete files: folders walked, stdin and pipes spooled to a temp file.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

/** One input to read. */
export interface InputSource {
  /** What the user named (the file inside a folder they named, or `-`). */
  label: string;
  /** Where the bytes are: the file itself, or the spooled copy of stdin. */
  path: string;
}

/** File names taken from folders: JSON and CSV exports, optionally gzipped. */
const INPUT_EXTENSIONS = /\.(json|ndjson|jsonl|csv)(\.gz)?$/i;

/** Inputs plus the cleanup that removes any temporary file made for them. */
export interface ResolvedInputs {
  sources: InputSource[];
  cleanup(): Promise<void>;
}

/**
 * Resolves arguments in order: files as given, folders recursively (sorted, only
 * `.json/.ndjson/.jsonl/.csv[.gz]`), `-` as stdin. Stdin, named pipes and other inputs that are not
 * regular files are copied to a private temp folder so they can be read twice like any file;
 * `cleanup` removes it (call it in a `finally`). `onTemp` receives the same cleanup as soon as the
 * temp folder exists, before anything is copied, so that a signal handler can remove a half-written
 * copy.
 */
export async function resolveInputs(args: string[], stdin: Readable, onTemp?: (cleanup: () => Promise<void>) => void): Promise<ResolvedInputs> {
  const sources: InputSource[] = [];
  let tmp: string | null = null;
  let spooled = 0;
  let sawStdin = false;
  const cleanup = async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
    tmp = null;
  };
  /** Copies a stream that can be read only once (stdin, a pipe) to a private temp file. */
  const spool = async (label: string, from: Readable) => {
    if (!tmp) {
      tmp = await mkdtemp(join(tmpdir(), 'okta-revoke-scan-'));
      onTemp?.(cleanup);
    }
    const path = join(tmp, label === '-' ? 'stdin' : `input-${++spooled}`);
    await pipeline(from, createWriteStream(path, { mode: 0o600 }));
    sources.push({ label, path });
  };
  try {
    for (const arg of args) {
      if (arg === '-') {
        if (sawStdin) throw new InputError('stdin (-) can be given only once');
        sawStdin = true;
        await spool('-', stdin);
        continue;
      }
      let st;
      try {
        st = await stat(arg);
      } catch (err) {
        throw new InputError(`cannot read ${arg}: ${reason(err)}`);
      }
      if (st.isDirectory()) {
        const files = await walk(arg);
        if (files.length === 0) throw new InputError(`${arg}: folder holds no .json, .ndjson, .jsonl or .csv files (optionally .gz)`);
        for (const f of files) sources.push({ label: f, path: f });
      } else if (st.isFile()) {
        sources.push({ label: arg, path: arg });
      } else {
        // A named pipe or process substitution (`<(zcat export.gz)`), /dev/stdin: readable once
        // and without positions, so it is spooled like stdin.
        try {
          await spool(arg, createReadStream(arg));
        } catch (err) {
          throw new InputError(`cannot read ${arg}: ${reason(err)}`);
        }
      }
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { sources, cleanup };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new InputError(`cannot read folder ${dir}: ${reason(err)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if ((e.isFile() || e.isSymbolicLink()) && INPUT_EXTENSIONS.test(e.name)) out.push(p);
  }
  return out;
}

/** A system error as a short phrase (`no such file or directory`), never a stack. */
export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null | undefined;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'not a folder';
    default:
      return e?.message ?? String(err);
  }
}
