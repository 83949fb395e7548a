// Linear-time regex matching: Thompson NFA built from the syntax tree, simulated state-set-wise.
import { Problem } from './errors.js';
import { fold } from './fold.js';
import { classHas, makeClass, type CharClass } from './regex-class.js';
import type { RegexNode } from './regex-parse.js';

const CHAR = 0;
const CHAR_I = 1;
const ANY = 2;
const ANY_NL = 3;
const CLASS = 4;
const SPLIT = 5;
const ASSERT = 6;
const MATCH = 7;

const A_BOL = 0;
const A_EOL = 1;
const A_START = 2;
const A_END = 3;
const A_WORD = 4;
const A_NONWORD = 5;
const ASSERTS = { bol: A_BOL, eol: A_EOL, start: A_START, end: A_END, word: A_WORD, nonword: A_NONWORD } as const;

/** Flags of a compiled expression. */
export interface NfaFlags {
  i: boolean;
  m: boolean;
  s: boolean;
}

const isLineEnd = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isWord = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * A compiled regular expression. `test` answers whether the expression matches anywhere in the
 * first `cap` code units of the subject, in O(min(length, cap) x states) time and no allocation:
 * every state is visited at most once per input position, whatever the pattern.
 */
export class Nfa {
  private readonly op: Uint8Array;
  private readonly arg: Int32Array;
  private readonly out1: Int32Array;
  private readonly out2: Int32Array;
  private readonly classes: CharClass[];
  private readonly start: number;
  private readonly multiline: boolean;
  private readonly cap: number;
  private cur: Int32Array;
  private next: Int32Array;
  private readonly stack: Int32Array;
  private readonly mark: Uint32Array;
  private gen = 0;

  /** Builds the automaton; throws {@link Problem} when it would exceed `maxStates`. */
  constructor(root: RegexNode, flags: NfaFlags, maxStates: number, cap: number) {
    const op: number[] = [];
    const arg: number[] = [];
    const o1: number[] = [];
    const o2: number[] = [];
    this.classes = [];
    const emit = (code: number, a: number, x: number, y = -1): number => {
      if (op.length >= maxStates) {
        throw new Problem(`regular expression too large (more than ${maxStates} automaton states)`);
      }
      op.push(code);
      arg.push(a);
      o1.push(x);
      o2.push(y);
      return op.length - 1;
    };
    const build = (node: RegexNode, next: number): number => {
      switch (node.t) {
        case 'char':
          return flags.i ? emit(CHAR_I, fold(node.c), next) : emit(CHAR, node.c, next);
        case 'any':
          return emit(flags.s ? ANY_NL : ANY, 0, next);
        case 'class':
          this.classes.push(makeClass(node.ranges, node.negated, flags.i));
          return emit(CLASS, this.classes.length - 1, next);
        case 'assert':
          return emit(ASSERT, ASSERTS[node.kind], next);
        case 'empty':
          return next;
        case 'cat': {
          let s = next;
          for (let k = node.items.length - 1; k >= 0; k--) s = build(node.items[k]!, s);
          return s;
        }
        case 'alt': {
          let s = build(node.items[node.items.length - 1]!, next);
          for (let k = node.items.length - 2; k >= 0; k--) s = emit(SPLIT, 0, build(node.items[k]!, next), s);
          return s;
        }
        case 'rep': {
          let s: number;
          if (node.max === Infinity) {
            const loop = emit(SPLIT, 0, -1, next);
            o1[loop] = build(node.item, loop);
            s = loop;
          } else {
            s = next;
            for (let k = 0; k < node.max - node.min; k++) s = emit(SPLIT, 0, build(node.item, s), next);
          }
          for (let k = 0; k < node.min; k++) s = build(node.item, s);
          return s;
        }
      }
    };
    const match = emit(MATCH, 0, -1);
    this.start = build(root, match);
    const n = op.length;
    this.op = Uint8Array.from(op);
    this.arg = Int32Array.from(arg);
    this.out1 = Int32Array.from(o1);
    this.out2 = Int32Array.from(o2);
    this.multiline = flags.m;
    this.cap = cap;
    this.cur = new Int32Array(n);
    this.next = new Int32Array(n);
    this.stack = new Int32Array(2 * n + 2);
    this.mark = new Uint32Array(n);
  }

  private holds(kind: number, s: string, pos: number, len: number): boolean {
    const prev = pos > 0 ? s.charCodeAt(pos - 1) : -1;
    const here = pos < len ? s.charCodeAt(pos) : -1;
    switch (kind) {
      case A_BOL: return pos === 0 || (this.multiline && isLineEnd(prev));
      case A_EOL: return pos === len || (this.multiline && isLineEnd(here));
      case A_START: return pos === 0;
      case A_END: return pos === len;
      case A_WORD: return (prev >= 0 && isWord(prev)) !== (here >= 0 && isWord(here));
      default: return (prev >= 0 && isWord(prev)) === (here >= 0 && isWord(here));
    }
  }

  /** Adds the epsilon closure of `state` at `pos` to `list`; returns the new size, or -1 on MATCH. */
  private close(list: Int32Array, size: number, state: number, s: string, pos: number, len: number): number {
    const { op, out1, out2, mark, stack, gen } = this;
    let sp = 0;
    stack[sp++] = state;
    while (sp > 0) {
      const st = stack[--sp]!;
      if (st < 0 || mark[st] === gen) continue;
      mark[st] = gen;
      const code = op[st]!;
      if (code === SPLIT) {
        stack[sp++] = out2[st]!;
        stack[sp++] = out1[st]!;
      } else if (code === ASSERT) {
        if (this.holds(this.arg[st]!, s, pos, len)) stack[sp++] = out1[st]!;
      } else if (code === MATCH) return -1;
      else list[size++] = st;
    }
    return size;
  }

  private step(): void {
    this.gen = (this.gen + 1) >>> 0;
    if (this.gen === 0) {
      this.mark.fill(0);
      this.gen = 1;
    }
  }

  /** true when the expression matches somewhere in `s` (only the first `cap` code units are read). */
  test(s: string): boolean {
    const len = s.length < this.cap ? s.length : this.cap;
    const { op, arg, out1, classes } = this;
    this.step();
    let size = this.close(this.cur, 0, this.start, s, 0, len);
    if (size < 0) return true;
    for (let pos = 0; pos < len; pos++) {
      const c = s.charCodeAt(pos);
      this.step();
      const cur = this.cur;
      const nxt = this.next;
      let n = 0;
      for (let k = 0; k < size; k++) {
        const st = cur[k]!;
        let ok: boolean;
        switch (op[st]) {
          case CHAR: ok = c === arg[st]; break;
          case CHAR_I: ok = fold(c) === arg[st]; break;
          case ANY: ok = !isLineEnd(c); break;
          case ANY_NL: ok = true; break;
          default: ok = classHas(classes[arg[st]!]!, c);
        }
        if (ok) {
          n = this.close(nxt, n, out1[st]!, s, pos + 1, len);
          if (n < 0) return true;
        }
      }
      n = this.close(nxt, n, this.start, s, pos + 1, len);
      if (n < 0) return true;
      this.cur = nxt;
      this.next = cur;
      size = n;
    }
    return false;
  }
}
