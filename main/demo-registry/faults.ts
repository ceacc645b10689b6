import { seededRandom } from './seed.ts';

/**
 * Misbehaviour the reference server can be asked for, so that tests and benchmarks see what
 * a real network and a loaded registry do. Rates are probabilities per request, drawn from a
 * seeded generator so that a failing test fails the same way again.
 */
export type Faults = {
  /** Added before every answer. */
  latencyMs: number;
  /** 500 Internal Server Error. For writes, half of them come after the write was applied. */
  errorRate: number;
  /** 429 Too Many Requests, with Retry-After. */
  throttleRate: number;
  retryAfterSeconds: number;
  /** The connection is reset without an answer. */
  resetRate: number;
  /** No answer at all: the client's timeout must fire. */
  hangRate: number;
  /** The next N changes pages are cut short (invalid JSON). */
  malformedPages: number;
  /** POST /v1/operations answers 400, as a registry that refuses what the kiosk sends. */
  refuseOperations: boolean;
};

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  errorRate: 0,
  throttleRate: 0,
  retryAfterSeconds: 1,
  resetRate: 0,
  hangRate: 0,
  malformedPages: 0,
  refuseOperations: false,
};

export type FaultDecision = 'none' | 'error' | 'error-after' | 'throttle' | 'reset' | 'hang';

export function faultPicker(faults: Faults, seed = 42) {
  const random = seededRandom(seed);
  return (isWrite: boolean): FaultDecision => {
    const r = random();
    let edge = faults.errorRate;
    if (r < edge) return isWrite && random() < 0.5 ? 'error-after' : 'error';
    edge += faults.throttleRate;
    if (r < edge) return 'throttle';
    edge += faults.resetRate;
    if (r < edge) return 'reset';
    edge += faults.hangRate;
    if (r < edge) return 'hang';
    return 'none';
  };
}
