import "server-only";
import { after } from "next/server";
import { getDb } from "../db/database";
import { getConfig } from "../env";
import { buildPaymentsContext } from "./build-context";
import type { PaymentsContext } from "./context";

/** The payments context of the running shop, deferring work with Next's `after()`. */
export async function getPaymentsContext(): Promise<PaymentsContext> {
  return buildPaymentsContext(getConfig(), await getDb(), (task) => after(task));
}
