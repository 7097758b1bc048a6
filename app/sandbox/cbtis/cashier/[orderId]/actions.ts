"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getCbtisSandbox } from "@/lib/sandbox/cbtis/instance";
import { validatedAction } from "@/lib/web/validated-action";

/** The CBTIS cashier's buttons, each bound to the intent's order_id. */
function cashierAction(action: "pay" | "cancel") {
  return validatedAction(
    {
      bound: z.tuple([z.string().regex(/^C\d{21}$/)]),
      tampered: () => redirect("/"),
      fields: z.object({}),
      invalid: () => undefined,
    },
    async (_input, [orderId]): Promise<void> => {
      const sandbox = await getCbtisSandbox();
      if (!sandbox) redirect("/");
      // The webhook goes out in this request's after() (the stand-in defers its delivery).
      await sandbox.control({ action, orderId });
      redirect(`/sandbox/cbtis/cashier/${orderId}`);
    },
  );
}

export const payCbtisCashierAction = cashierAction("pay");
export const cancelCbtisCashierAction = cashierAction("cancel");
