/**
 * Runs a stand-in gateway's deliveries (QFPay's notifications, CBTIS's webhooks) one pass at a time.
 * Requests drive it: the request that queues a delivery kicks it (in `after()`), and so does any later
 * request that touches the sandbox or an order, so retries go out even where no timer survives between
 * requests (a serverless host freezes the instance). A long-lived server may also arm a timer for the next
 * retry, only to send it sooner.
 */
export class DeliveryPump {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    /** Sends what is due; returns when the next delivery falls due, if any. */
    private readonly deliverDue: () => Promise<Date | null>,
    private readonly now: () => Date,
    private readonly retryTimer: boolean,
  ) {}

  /** Delivers what is due now; resolves when this pass (and any it asked for) is over. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when the pass under way, if any, is over; starts none. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    let next: Date | null = null;
    do {
      this.again = false;
      try {
        next = await this.deliverDue();
      } catch {
        next = new Date(this.now().getTime() + 5_000);
      }
    } while (this.again && !this.stopped);
    clearTimeout(this.timer);
    if (next && this.retryTimer && !this.stopped) {
      const wait = Math.min(Math.max(next.getTime() - this.now().getTime(), 10), 60_000);
      this.timer = setTimeout(() => void this.kick(), wait);
      this.timer.unref();
    }
  }
}
