/**
 * Simulated time: starts at `start` and runs at `speed` × real time. Tests move it by hand.
 * Every model in the simulator is a pure function of time, so moving the clock backwards is safe.
 */
export class SimulatedClock {
  private anchorSimulated: number;
  private anchorReal: number;

  constructor(
    start: number,
    readonly speed: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorSimulated = start;
    this.anchorReal = realNow();
  }

  /** Simulated now, epoch milliseconds. */
  now(): number {
    return Math.floor(this.anchorSimulated + (this.realNow() - this.anchorReal) * this.speed);
  }

  set(date: Date | number): void {
    this.anchorSimulated = typeof date === "number" ? date : date.getTime();
    this.anchorReal = this.realNow();
  }

  advance(milliseconds: number): void {
    this.set(this.now() + milliseconds);
  }
}
