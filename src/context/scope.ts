import type { ActiveCall } from '../recorder/active-call.js';
import type { OpenSession } from './session.js';
import type { OpenTimestep } from './timestep.js';

/** What the AsyncLocalStorage holds: the session, the timestep and the innermost decorated call. */
export interface Scope {
  readonly session: OpenSession;
  readonly step: OpenTimestep | null;
  readonly span: ActiveCall | null;
}
