/** The four decorators the codemod knows, by their exported names in 'agent-trace'. */
export type DecoratorName = 'aiCall' | 'environmentStep' | 'runtimeOperation' | 'traceSpan';

/** Every decorator name, in the order imports are written. */
export const DECORATOR_NAMES: readonly DecoratorName[] = ['aiCall', 'environmentStep', 'runtimeOperation', 'traceSpan'];

/**
 * Options of {@link runCodemod}; the CLI flags map one to one onto them.
 *
 * @example
 * const options: CodemodOptions = { dir: '.', write: false, include: ['packages/*\/src/**'] };
 */
export interface CodemodOptions {
  /** Root of the repository or package to instrument. Default: process.cwd(). */
  dir?: string;
  /** Apply the edits to the files. Default false: a dry run that only computes the diff. */
  write?: boolean;
  /** Take out what the codemod added instead of adding. */
  remove?: boolean;
  /** Globs (relative to `dir`) a file must match to be edited. */
  include?: string[];
  /** Globs (relative to `dir`) of files to leave alone. */
  exclude?: string[];
  /** Path of a JSON config file (rules by class, method, base type or called API). */
  config?: string;
  /** An already loaded config; wins over `config`. */
  configObject?: CodemodConfig;
  /** Type-check the edited project with its own TypeScript and report new errors. */
  verify?: boolean;
  /** Write into a git work tree that has uncommitted changes. */
  allowDirty?: boolean;
  /** Edit projects on TypeScript older than 5.0, and write even when --verify finds new errors. */
  force?: boolean;
  /** Use the type checker to confirm model calls and base types (default true). */
  typeInfo?: boolean;
  /** Called as files are analysed: `phase` is 'load' | 'analyse' | 'verify'. */
  onProgress?: (event: ProgressEvent) => void;
}

/** A progress notification of a long run. */
export interface ProgressEvent {
  phase: 'load' | 'analyse' | 'verify';
  done: number;
  total: number;
  project: string;
}

/** What the codemod did, or would do, with one class member. */
export type MemberAction = 'added' | 'present' | 'skipped' | 'removed';

/**
 * One class member in the report.
 *
 * @example
 * // { file: 'src/agent.ts', line: 12, className: 'Planner', member: 'think', kind: 'method',
 * //   action: 'added', decorator: 'aiCall', rule: 'ai-call/model-call', reason: 'calls openai chat.completions.create' }
 */
export interface MemberReport {
  /** Path relative to the codemod's root, with forward slashes. */
  file: string;
  /** 1-based line of the member in the original file. */
  line: number;
  className: string;
  member: string;
  kind: MemberKind;
  action: MemberAction;
  decorator?: DecoratorName;
  /** The rule that decided, e.g. 'ai-call/model-call', 'skip/abstract' or 'config#2'. */
  rule: string;
  reason: string;
}

export type MemberKind =
  | 'method'
  | 'static method'
  | 'getter'
  | 'setter'
  | 'field'
  | 'static field'
  | 'constructor'
  | 'object-literal method'
  | 'tool function';

/** A file the codemod did not look into, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** One tsconfig the codemod worked from. */
export interface ProjectReport {
  tsconfig: string;
  files: number;
  typescriptVersion: string;
  typescriptSource: 'project' | 'bundled';
  decorators: 'stage3' | 'legacy';
  status: 'ok' | 'refused';
  reason?: string;
}

/** A type error that the edit would introduce. */
export interface VerifyError {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

/** The result of `--verify`. */
export interface VerifyReport {
  typescript: string;
  typescriptSource: 'project' | 'bundled';
  newErrors: VerifyError[];
}

/** A changed file: its path and texts before and after. */
export interface FileChange {
  /** Absolute path. */
  path: string;
  /** Path relative to the diff root (git top level or `dir`), forward slashes. */
  diffPath: string;
  before: string;
  after: string;
}

/**
 * The result of {@link runCodemod}.
 *
 * @example
 * const result = await runCodemod({ dir: '.' });
 * process.stdout.write(result.diff);
 * console.error(result.summary);
 */
export interface CodemodResult {
  mode: 'dry-run' | 'write' | 'remove-dry-run' | 'remove';
  root: string;
  /** Unified diff of all changes, relative to the git top level (or `dir`), ready for `git apply`. */
  diff: string;
  changes: FileChange[];
  members: MemberReport[];
  projects: ProjectReport[];
  skippedFiles: SkippedFile[];
  verify?: VerifyReport;
  /** True when files were written. */
  written: boolean;
  /** Human-readable problems that stopped part of the run (dirty tree, old TypeScript, verify errors). */
  refusals: string[];
  counts: { files: number; filesChanged: number; added: number; present: number; skipped: number; removed: number };
  /** The one-line summary the CLI prints. */
  summary: string;
}

/** A rule of the config file; every given matcher must match. */
export interface ConfigRule {
  /** Decorator to add, or 'none' to leave matching members alone. */
  decorator: DecoratorName | 'none';
  /** Glob on the class name (`*` and `?`). */
  class?: string;
  /** Glob on the member name. */
  method?: string;
  /** Name of a class or interface the class extends or implements (directly, or through others with type info). */
  baseType?: string;
  /** Called API: `Receiver.method` (callee text suffix or receiver type name) or `import:module`. */
  calls?: string | string[];
  /** Options object written into the decorator call, e.g. { "systemId": "planner" }. */
  options?: Record<string, unknown> | string;
}

/**
 * The config file (JSON) of the codemod.
 *
 * @example
 * { "rules": [{ "class": "Gateway", "method": "send", "decorator": "aiCall" }], "disable": ["trace-span/orchestration"] }
 */
export interface CodemodConfig {
  include?: string[];
  exclude?: string[];
  /** Extra rules, tried in order before the built-in ones; the first that matches decides. */
  rules?: ConfigRule[];
  /** Built-in rule ids to turn off, e.g. 'runtime-operation/agent-io'. */
  disable?: string[];
  /** Method names (or prefixes followed by an upper-case letter) that orchestrate an agent. */
  orchestrationMethods?: string[];
  /** Methods of environment classes that get @environmentStep. */
  environmentMethods?: string[];
  /** Extra base type names that make a class an environment, an agent or a tool. */
  environmentBaseTypes?: string[];
  agentBaseTypes?: string[];
  toolBaseTypes?: string[];
  /** Where @aiCall goes when a method reaches the model through a private helper. */
  aiCallPlacement?: 'outermost' | 'innermost';
}
