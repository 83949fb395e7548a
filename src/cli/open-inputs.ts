// A command's inputs opened: stdin when none is named, `-o` opened before any is read, files and folders resolved, a spooled stdin copy removed on Ctrl-C.
import { UsageError } from '../errors.js';
import { resolveInputs, type FolderFilter, type ResolvedInputs } from '../input/sources.js';
import type { Io } from './io.js';
import { openOutput, type OutputFile } from './output-file.js';

/** What {@link openInputs} needs besides the names. */
export interface OpenInputsOptions {
  /** `-o`: opened before any input is read, so a bad path fails at once, not after a long scan. */
  output?: string;
  /** `--include` / `--exclude` for files found in folders. */
  folders?: FolderFilter;
  /** Called when the input is stdin because none was named. */
  onStdin?: () => void;
}

/** The resolved inputs, and the Ctrl-C clean-up to drop once `resolved.cleanup()` has run. */
export interface OpenedInputs {
  resolved: ResolvedInputs;
  unregister: (() => void) | undefined;
}

/**
 * Resolves the inputs a command names (stdin, `-`, when none is named and stdin is not a
 * terminal: a usage error otherwise), opening `-o` first (into `output`). The clean-up of a
 * stdin copy spooled to a temporary file is registered before the copy starts, so Ctrl-C during
 * it removes the file too.
 */
export async function openInputs(
  names: readonly string[],
  io: Io & { registerCleanup?: (fn: () => Promise<void>) => () => void },
  output: { file?: OutputFile; unregister?: () => void },
  opts: OpenInputsOptions = {},
): Promise<OpenedInputs> {
  let inputs = names;
  if (inputs.length === 0) {
    if ((io.stdin as { isTTY?: boolean }).isTTY) throw new UsageError('no input given: name one or more exports, folders, or - for stdin');
    inputs = ['-'];
    opts.onStdin?.();
  }
  if (opts.output !== undefined) {
    const file = await openOutput(opts.output, inputs.filter((i) => i !== '-'));
    output.file = file;
    output.unregister = io.registerCleanup?.(() => file.abort());
  }
  let removeTemp: (() => Promise<void>) | null = null;
  const unregister = io.registerCleanup?.(async () => removeTemp?.());
  try {
    return { resolved: await resolveInputs([...inputs], io.stdin, (cleanup) => (removeTemp = cleanup), opts.folders), unregister };
  } catch (e) {
    unregister?.();
    throw e;
  }
}
