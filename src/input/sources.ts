// Command-line input arguments → concrete files: folders walked, stdin and pipes spooled to a temp file.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { MAGIC_BYTES, nonLogByContent, nonLogByName } from './non-logs.js';

/** One input to read. */
export interface InputSource {
  /** What the user named (the file inside a folder they named, or `-`). */
  label: string;
  /** Where the bytes are: the file itself, or the spooled copy of stdin. */
  path: string;
}

/** A file found in a folder and not read, with the reason. */
export interface SkippedInput {
  path: string;
  /** `hidden`, `not a log: a document (.md)`, `excluded by --exclude`, … */
  reason: string;
  /** How many inputs to read come before it (its place among them, for listing both in order). */
  before: number;
}

/** `--include` / `--exclude` globs for files found in folders (matched against the path inside the folder named). */
export interface FolderFilter {
  include: readonly string[];
  exclude: readonly string[];
}

/** Inputs plus the cleanup that removes any temporary file made for them. */
export interface ResolvedInputs {
  sources: InputSource[];
  /** Files found in folders and left out, in folder order. */
  skipped: SkippedInput[];
  cleanup(): Promise<void>;
}

/**
 * Resolves arguments in order: files as given, folders recursively (sorted; see `walk` for what is
 * read), `-` as stdin. Stdin, named pipes and other inputs that are not regular files are copied to
 * a private temp folder so they can be read twice like any file; `cleanup` removes it (call it in a
 * `finally`). `onTemp` receives the same cleanup as soon as the temp folder exists, before anything
 * is copied, so that a signal handler can remove a half-written copy.
 */
export async function resolveInputs(
  args: string[],
  stdin: Readable,
  onTemp?: (cleanup: () => Promise<void>) => void,
  filter: FolderFilter = { include: [], exclude: [] },
): Promise<ResolvedInputs> {
  const sources: InputSource[] = [];
  const skipped: SkippedInput[] = [];
  const select = folderSelection(filter);
  // A file given twice (named twice, or named and inside a named folder) is read once.
  const files = new Map<string, string>();
  const firstTime = (path: string, st: { dev: number; ino: number }): boolean => {
    const key = `${st.dev}:${st.ino}`;
    const first = files.get(key);
    if (first === undefined) {
      files.set(key, path);
      return true;
    }
    skipped.push({ path, reason: `the same file as ${first}: read once`, before: sources.length });
    return false;
  };
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
        const found: Found = { files: [], skipped: [] };
        await walk(arg, '', select, found);
        if (found.files.length === 0) throw new InputError(`${arg}: ${nothingToRead(found.skipped)}`);
        // Files and files left out, merged in folder order (`before` counts the files read before each).
        let k = 0;
        for (const [i, f] of found.files.entries()) {
          for (; k < found.skipped.length && found.skipped[k]!.before <= i; k++) skipped.push({ ...found.skipped[k]!, before: sources.length });
          const st = await stat(f).catch(() => null);
          if (st === null || firstTime(f, st)) sources.push({ label: f, path: f });
        }
        for (; k < found.skipped.length; k++) skipped.push({ ...found.skipped[k]!, before: sources.length });
      } else if (st.isFile()) {
        if (firstTime(arg, st)) sources.push({ label: arg, path: arg });
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
  return { sources, skipped, cleanup };
}

/** What a folder holds: files to read, and files left out (`before` counted within the folder). */
interface Found {
  files: string[];
  skipped: SkippedInput[];
}

/** The folder filter as tests of paths inside the folder; null where no pattern was given. */
interface Selection {
  include: ((path: string) => boolean) | null;
  exclude: ((path: string) => boolean) | null;
}

function folderSelection(filter: FolderFilter): Selection {
  // Patterns without a slash match the base name (`*.log`), those with one the path inside the
  // folder (picomatch's `basename` would apply to them too, so they are compiled apart); any
  // letter case (`export.JSON`), dot files too.
  const compile = (globs: readonly string[]) => {
    if (globs.length === 0) return null;
    const names = globs.filter((g) => !g.includes('/'));
    const paths = globs.filter((g) => g.includes('/'));
    const byName = names.length > 0 ? picomatch(names, { basename: true, nocase: true, dot: true }) : () => false;
    const byPath = paths.length > 0 ? picomatch(paths, { nocase: true, dot: true }) : () => false;
    return (path: string) => byName(path) || byPath(path);
  };
  return { include: compile(filter.include), exclude: compile(filter.exclude) };
}

/** The message of a folder with nothing to read: why each file (the first few) was left out. */
function nothingToRead(skipped: readonly SkippedInput[]): string {
  if (skipped.length === 0) return 'folder is empty';
  const shown = skipped.slice(0, 3).map((s) => `${s.path}: ${s.reason}`);
  const more = skipped.length > shown.length ? `; … ${skipped.length - shown.length} more` : '';
  return `no file to read in this folder (${skipped.length} left out: ${shown.join('; ')}${more})`;
}

/** The first bytes of a file (fewer when it is shorter); empty when it cannot be read (the read reports that). */
async function headOf(path: string): Promise<Buffer> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(MAGIC_BYTES);
      const { bytesRead } = await fh.read(buf, 0, MAGIC_BYTES, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return Buffer.alloc(0);
  }
}

/**
 * Walks a folder in name order. Every regular file is read by its content, except: files and folders
 * an `--exclude` pattern matches; with `--include`, files no include pattern matches; without it,
 * hidden files and folders (`.name`) and files obviously not logs by name (documents, images, code:
 * see `nonLogByName`). Archives and binaries this tool cannot read are left out by their first bytes
 * (`nonLogByContent`), links to folders are not followed, and other special files are left out.
 * Each file left out is listed with its reason.
 */
async function walk(root: string, rel: string, select: Selection, found: Found): Promise<void> {
  const dir = rel === '' ? root : join(root, rel);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new InputError(`cannot read folder ${dir}: ${reason(err)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const inside = rel === '' ? e.name : `${rel}/${e.name}`;
    const path = join(root, inside);
    const skip = (why: string) => found.skipped.push({ path, reason: why, before: found.files.length });
    if (select.exclude?.(inside)) {
      skip(`excluded by --exclude`);
      continue;
    }
    const hidden = e.name.startsWith('.');
    let kind: 'file' | 'folder' | 'other' = e.isDirectory() ? 'folder' : e.isFile() ? 'file' : 'other';
    if (e.isSymbolicLink()) {
      try {
        const st = await stat(path);
        if (st.isDirectory()) {
          skip('a link to a folder (not followed)');
          continue;
        }
        kind = st.isFile() ? 'file' : 'other';
      } catch {
        skip('a broken link');
        continue;
      }
    }
    if (kind === 'folder') {
      if (hidden && !select.include) skip('hidden folder');
      else await walk(root, inside, select, found);
      continue;
    }
    if (kind === 'other') {
      skip('not a regular file');
      continue;
    }
    if (select.include) {
      if (!select.include(inside)) {
        skip('not matched by --include');
        continue;
      }
    } else {
      const byName = hidden ? 'hidden' : nonLogByName(e.name);
      if (byName !== null) {
        skip(byName);
        continue;
      }
    }
    const byContent = nonLogByContent(await headOf(path));
    if (byContent !== null) skip(byContent);
    else found.files.push(path);
  }
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
