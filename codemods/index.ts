// The `agent-trace/codemod` entry: the programmatic API and the CLI command of the codemod.
export { runCodemod } from './run-codemod.js';
export { codemodCommand, CODEMOD_HELP, reportJson } from './cli.js';
export type { CodemodIo } from './cli.js';
export { BUILTIN_RULES, DEFAULT_CONFIG_FILE } from './codemod-config.js';
export type {
  CodemodConfig,
  CodemodOptions,
  CodemodResult,
  ConfigRule,
  DecoratorName,
  FileChange,
  MemberAction,
  MemberKind,
  MemberReport,
  ProgressEvent,
  ProjectReport,
  SkippedFile,
  VerifyError,
  VerifyReport,
} from './types.js';
