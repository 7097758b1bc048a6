"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getSandboxGateway } from "@/lib/sandbox/instance";
import { validatedAction } from "@/lib/web/validated-action";

/** The cashier's three buttons, each bound to the transaction's syssn. */
function cashierAction(action: "pay" | "decline" | "expire") {
  return validatedAction(
    {
      bound: z.tuple([z.string().regex(/^\d{26}$/)]),
      tampered: () => redirect("/"),
      fields: z.object({}),
      invalid: () => undefined,
    },
    async (_input, [syssn]): Promise<void> => {
      const gateway = await getSandboxGateway();
      if (!gateway) redirect("/");
      // The payment's notification goes out in this request's after() (the gateway defers its delivery).
      await gateway.cashierAct(syssn, action);
      const view = await gateway.cashierView(syssn);
      // Alipay sends the shopper back to the merchant's return_url once the payment is done.
      if (action === "pay" && view?.state === "paid" && view.returnUrl) redirect(view.returnUrl);
      redirect(`/sandbox/cashier/${syssn}`);
    },
  );
}

export const payCashierAction = cashierAction("pay");
export const declineCashierAction = cashierAction("decline");
export const expireCashierAction = cashierAction("expire");
