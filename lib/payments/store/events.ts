import { orderEvents } from "../../db/schema/orders";
import type { EventInput } from "../types";
import { logOnCommit, type Tx } from "./transaction";

export async function recordEvent(tx: Tx, event: EventInput): Promise<void> {
  await recordEvents(tx, [event]);
}

/** Several events in one statement, in the order given (their ids keep it); logged when they commit. */
export async function recordEvents(tx: Tx, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(orderEvents).values(events.map((event) => ({ ...event, detail: event.detail ?? {} })));
  logOnCommit(tx, events);
}
