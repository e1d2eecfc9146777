import type { EventType } from '../model/events.js';
import type { CallBehaviour, CallSpec } from '../recorder/call-spec.js';
import type { CommonOptions } from './options.js';

/** Builds the spec of a decorated member from the decorator's options. */
export function makeSpec(kind: EventType, memberName: string, options: CommonOptions & Record<string, unknown>, behaviour: CallBehaviour, autoTimestep = false): CallSpec {
  return Object.freeze({
    kind,
    name: options.name ?? memberName,
    systemId: options.systemId,
    captureInput: options.captureInput ?? true,
    captureOutput: options.captureOutput ?? true,
    metadata: options.metadata,
    autoTimestep,
    behaviour,
    options: Object.freeze({ ...options }),
  });
}
