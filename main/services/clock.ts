/** Injected so tests can move time (staleness, "synced 5 min ago") without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
