// Types of the part of picomatch (a glob matcher, bundled into dist) that folder selection uses.
declare module 'picomatch' {
  /** Options of picomatch used here (see its README for the rest). */
  interface PicomatchOptions {
    /** Patterns without a slash are matched against the base name. */
    basename?: boolean;
    /** Case-insensitive matching. */
    nocase?: boolean;
    /** `*` also matches names that start with a dot. */
    dot?: boolean;
  }
  /** Compiles glob patterns into one test of paths (true when any pattern matches). */
  function picomatch(glob: string | string[], options?: PicomatchOptions): (path: string) => boolean;
  export default picomatch;
}
