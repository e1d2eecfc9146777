import type { EventType } from '../model/events.js';
import type { CallBehaviour, CallSpec } from '../recorder/call-spec.js';
import { snapshot } from '../recorder/snapshot.js';
import type { CommonOptions } from './options.js';

/** Builds the spec of a decorated member from the decorator's options. */
export function makeSpec(kind: EventType, memberName: string, options: CommonOptions & Record<string, unknown>, behaviour: CallBehaviour, autoTimestep = false): CallSpec {
  return Object.freeze({
    kind,
    name: options.name ?? memberName,
    systemId: options.systemId,
    captureInput: options.captureInput ?? true,
    captureOutput: options.captureOutput ?? true,
    // A copy as plain data: the batch side may treat it as its own.
    metadata: options.metadata === undefined ? undefined : (snapshot(options.metadata, 16_384) as Record<string, unknown>),
    autoTimestep,
    behaviour,
    options: Object.freeze({ ...options }),
  });
}
