// A count with its noun in the right number (`1 event`, `3 events`), for every message and report.

/** `1 call`, `3 calls`; `many` for nouns whose plural is not `one` + `s` (`1 pass`, `2 passes`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
