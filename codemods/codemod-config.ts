import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AgentTraceError } from '../src/errors.js';
import type { CodemodConfig, ConfigRule } from './types.js';
import { DECORATOR_NAMES } from './types.js';

/** Ids of the built-in rules, for `disable` in the config and `rule` in the report. */
export const BUILTIN_RULES = [
  'ai-call/model-call',
  'ai-call/via-helper',
  'environment-step/env-class',
  'runtime-operation/tool-decorator',
  'runtime-operation/tool-class',
  'runtime-operation/agent-io',
  'runtime-operation/tool-dispatch',
  'trace-span/orchestration',
] as const;

/** The config with defaults filled in. */
export interface ResolvedConfig {
  include: string[];
  exclude: string[];
  rules: ConfigRule[];
  disabled: Set<string>;
  orchestrationMethods: string[];
  environmentMethods: string[];
  environmentBaseTypes: string[];
  agentBaseTypes: string[];
  toolBaseTypes: string[];
  aiCallPlacement: 'outermost' | 'innermost';
  /** Where the config came from, for messages. */
  source?: string;
}

/** The file picked up from the root when --config is not given. */
export const DEFAULT_CONFIG_FILE = 'agent-trace.codemod.json';

const KEYS = new Set([
  'include', 'exclude', 'rules', 'disable', 'orchestrationMethods', 'environmentMethods',
  'environmentBaseTypes', 'agentBaseTypes', 'toolBaseTypes', 'aiCallPlacement', '$schema',
]);
const RULE_KEYS = new Set(['decorator', 'class', 'method', 'baseType', 'calls', 'options']);

/**
 * Loads and validates the codemod config: `explicit` (a path), or `agent-trace.codemod.json` in `root` when present.
 *
 * @example
 * const config = loadCodemodConfig('/repo', 'codemod.json');
 */
export function loadCodemodConfig(root: string, explicit?: string, object?: CodemodConfig): ResolvedConfig {
  if (object) return resolveConfig(object, 'options.configObject');
  const file = explicit ? path.resolve(root, explicit) : path.join(root, DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new AgentTraceError('E_CONFIG', `agent-trace: codemod config ${file} does not exist; pass the path of a JSON file to --config.`);
    return resolveConfig({}, undefined);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AgentTraceError('E_CONFIG', `agent-trace: codemod config ${file} is not valid JSON (${(error as Error).message}); fix the file.`);
  }
  return resolveConfig(raw, file);
}

/** Validates a config object and fills in the defaults. */
export function resolveConfig(raw: unknown, source: string | undefined): ResolvedConfig {
  const where = source ?? 'the codemod config';
  const fail = (msg: string): never => {
    throw new AgentTraceError('E_CONFIG', `agent-trace: ${where}: ${msg}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be a JSON object.');
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) if (!KEYS.has(key)) fail(`unknown key "${key}"; known keys: ${[...KEYS].join(', ')}.`);
  const strings = (key: string): string[] | undefined => {
    const v = config[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(`"${key}" must be an array of strings.`);
    return v as string[];
  };
  const rules = (config.rules ?? []) as unknown;
  if (!Array.isArray(rules)) fail('"rules" must be an array of rule objects.');
  (rules as unknown[]).forEach((rule, i) => {
    if (typeof rule !== 'object' || rule === null) fail(`rules[${i}] must be an object.`);
    const r = rule as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!RULE_KEYS.has(key)) fail(`rules[${i}] has unknown key "${key}"; use ${[...RULE_KEYS].join(', ')}.`);
    if (r.decorator !== 'none' && !(DECORATOR_NAMES as readonly unknown[]).includes(r.decorator)) {
      fail(`rules[${i}].decorator must be one of ${DECORATOR_NAMES.join(', ')} or "none".`);
    }
    if (r.class === undefined && r.method === undefined && r.baseType === undefined && r.calls === undefined) {
      fail(`rules[${i}] matches everything; give at least one of class, method, baseType, calls.`);
    }
    for (const key of ['class', 'method', 'baseType'] as const) {
      if (r[key] !== undefined && typeof r[key] !== 'string') fail(`rules[${i}].${key} must be a string.`);
    }
    if (r.calls !== undefined && typeof r.calls !== 'string' && !(Array.isArray(r.calls) && r.calls.every((c) => typeof c === 'string'))) {
      fail(`rules[${i}].calls must be a string or an array of strings.`);
    }
    if (r.options !== undefined && typeof r.options !== 'string' && (typeof r.options !== 'object' || r.options === null || Array.isArray(r.options))) {
      fail(`rules[${i}].options must be an object (or the literal source text of one).`);
    }
  });
  const disabled = strings('disable') ?? [];
  for (const id of disabled) {
    if (!(BUILTIN_RULES as readonly string[]).includes(id)) fail(`"disable" names unknown rule "${id}"; known rules: ${BUILTIN_RULES.join(', ')}.`);
  }
  const placement = config.aiCallPlacement ?? 'outermost';
  if (placement !== 'outermost' && placement !== 'innermost') fail('"aiCallPlacement" must be "outermost" or "innermost".');
  return {
    include: strings('include') ?? [],
    exclude: strings('exclude') ?? [],
    rules: rules as ConfigRule[],
    disabled: new Set(disabled),
    orchestrationMethods: strings('orchestrationMethods') ?? ['run', 'act', 'step', 'plan', 'execute', 'rollout', 'orchestrate', 'solve', 'runEpisode', 'handleTurn', 'chat', 'call', 'loop', 'runLoop'],
    environmentMethods: strings('environmentMethods') ?? ['step', 'reset'],
    environmentBaseTypes: strings('environmentBaseTypes') ?? [],
    agentBaseTypes: strings('agentBaseTypes') ?? [],
    toolBaseTypes: strings('toolBaseTypes') ?? [],
    aiCallPlacement: placement as 'outermost' | 'innermost',
    ...(source ? { source } : {}),
  };
}
