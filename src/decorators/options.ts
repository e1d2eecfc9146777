import { AgentTraceError } from '../errors.js';

/** Options every decorator takes. */
export interface CommonOptions {
  /** Event name. Default: the method or function name. */
  name?: string;
  /** `system_instance_id` of the events. Default: the class name of `this`. */
  systemId?: string;
  /** Record the arguments. Default true (and `AGENT_TRACE_CAPTURE_CONTENT`). */
  captureInput?: boolean;
  /** Record the return value. Default true (and `AGENT_TRACE_CAPTURE_CONTENT`). */
  captureOutput?: boolean;
  /** Added to each event's metadata. */
  metadata?: Record<string, unknown>;
}

const COMMON: Record<keyof CommonOptions, 'string' | 'boolean' | 'object'> = {
  name: 'string',
  systemId: 'string',
  captureInput: 'boolean',
  captureOutput: 'boolean',
  metadata: 'object',
};

/**
 * Checks decorator options when the class is defined, so that a typo fails at start-up with a
 * message naming the option, not silently at run time.
 */
export function validateOptions(decorator: string, options: unknown, own: Record<string, 'string' | 'boolean' | 'object' | 'function'>): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new AgentTraceError('E_CONFIG', `agent-trace: @${decorator}() takes an options object, e.g. @${decorator}({ name: 'think' }).`);
  }
  const allowed: Record<string, string> = { ...COMMON, ...own };
  for (const [key, value] of Object.entries(options)) {
    const type = allowed[key];
    if (type === undefined) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: @${decorator}() has no option "${key}"; its options are: ${Object.keys(allowed).join(', ')}.`);
    }
    if (value !== undefined && (typeof value !== type || value === null)) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: @${decorator}() option "${key}" must be a ${type}, got ${value === null ? 'null' : typeof value}.`);
    }
  }
  return options as Record<string, unknown>;
}
