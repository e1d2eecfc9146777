import pinoRedact from '@pinojs/redact';
import { AgentTraceError } from '../errors.js';

/** A node of the compiled path tree: children by key, a `*` child, and whether a path ends here. */
export interface PathNode {
  readonly children: Map<string, PathNode>;
  star: PathNode | null;
  terminal: boolean;
  /** `[this node]`, made once: what a walk carries below it when no other path goes on there. */
  readonly alone: PathNode[];
}

function newNode(): PathNode {
  const node: PathNode = { children: new Map(), star: null, terminal: false, alone: [] };
  node.alone.push(node);
  return node;
}

/**
 * Splits a path in fast-redact / `@pinojs/redact` syntax into its keys: `a.b`, `a["b.c"]`,
 * `items[0].x`, `*.password`; `*` is a wildcard for one level (an object key or an array index).
 *
 * @example
 * parseRedactPath('messages[*].content'); // ['messages', '*', 'content']
 */
export function parseRedactPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inBrackets = false;
  let quote = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (quote !== '') {
      if (ch === quote) quote = '';
      else current += ch;
    } else if (inBrackets && (ch === '"' || ch === "'")) {
      quote = ch;
    } else if (!inBrackets && ch === '.') {
      if (current !== '') parts.push(current);
      current = '';
    } else if (ch === '[') {
      if (current !== '') parts.push(current);
      current = '';
      inBrackets = true;
    } else if (ch === ']' && inBrackets) {
      parts.push(current);
      current = '';
      inBrackets = false;
    } else {
      current += ch;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Checks every path with `@pinojs/redact` (the syntax's reference implementation) and compiles
 * them into one tree walked alongside the value, so masking costs one lookup per key.
 * Throws `AgentTraceError` naming the first invalid path.
 *
 * @example
 * const tree = compilePaths(['headers.authorization', 'messages[*].content']);
 */
export function compilePaths(paths: readonly string[]): PathNode | null {
  if (paths.length === 0) return null;
  const root = newNode();
  for (const path of paths) {
    if (typeof path !== 'string' || path.length === 0) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: redaction option "paths" holds ${JSON.stringify(path)}; give non-empty strings in fast-redact syntax such as 'headers.authorization' or 'messages[*].content'.`);
    }
    try {
      pinoRedact({ paths: [path], serialize: false });
    } catch (error) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: redaction option "paths" holds an invalid path ${JSON.stringify(path)} (${(error as Error).message}); use fast-redact syntax such as 'headers.authorization', 'a["b-c"]' or 'messages[*].content'.`);
    }
    const parts = parseRedactPath(path);
    if (parts.length === 0 || parts.some((p) => p.length === 0)) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: redaction option "paths" holds an invalid path ${JSON.stringify(path)} (an empty key); use fast-redact syntax such as 'headers.authorization'.`);
    }
    let node = root;
    for (const part of parts) {
      if (part === '*') {
        node.star ??= newNode();
        node = node.star;
      } else {
        let next = node.children.get(part);
        if (next === undefined) {
          next = newNode();
          node.children.set(part, next);
        }
        node = next;
      }
    }
    node.terminal = true;
  }
  return root;
}
