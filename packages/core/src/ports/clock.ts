/** The current time, as a port so that time-dependent logic can be driven in tests. */
export interface Clock {
  now(): Date;
}

/** The process's wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};
