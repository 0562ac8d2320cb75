/** Where the executor reads "now" for sleeps, timeouts, retries and crons. Tests inject a manual clock. */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: lets tests cross an hour-long sleep instantly. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.now()) {}
  now() {
    return this.ms;
  }
  advance(ms: number) {
    this.ms += ms;
  }
  set(ms: number) {
    this.ms = ms;
  }
}

const g = globalThis as unknown as { __papoExecutorClock?: Clock };

/** The clock events are stamped with when send() ingests them in-process: the running executor's clock. */
export function executorClock(): Clock {
  return g.__papoExecutorClock ?? systemClock;
}

export function setExecutorClock(clock: Clock | undefined) {
  g.__papoExecutorClock = clock;
}
