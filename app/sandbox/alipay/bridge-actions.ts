"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getSandboxGateway } from "@/lib/sandbox/instance";
import { syssnOfTradeNo } from "@/lib/sandbox/alipay/trade-no";
import { validatedAction } from "@/lib/web/validated-action";

/** What the stand-in cashier shows of a trade: the sandbox's own view, in minor units. */
export interface SandboxTrade {
  merchant: string;
  amount: number;
  currency: string;
  open: boolean;
}

/** The result code Alipay's tradePay hands its callback (9000 paid, 4000 failed), or null for no trade. */
export type SandboxTradeResult = { resultCode: "9000" | "4000" } | null;

const tradeNoSchema = z.string().regex(/^\d{28}$/);

/** The stand-in cashier's view of a trade, by its tradeNO; null outside sandbox mode or for no such trade. */
export const readSandboxTradeAction = validatedAction(
  {
    bound: z.tuple([tradeNoSchema]),
    tampered: () => redirect("/"),
    fields: z.object({}),
    invalid: () => null,
  },
  async (_input, [tradeNo]): Promise<SandboxTrade | null> => {
    const gateway = await getSandboxGateway();
    const syssn = syssnOfTradeNo(tradeNo);
    const view = gateway && syssn ? await gateway.cashierView(syssn) : null;
    if (!view) return null;
    return { merchant: view.merchant, amount: view.amount, currency: view.currency, open: view.state === "open" };
  },
);

/**
 * The stand-in cashier's Pay and Decline: the sandbox's transaction paid (its notification follows) or
 * declined, answered with the code Alipay's cashier gives tradePay's callback.
 */
export const settleSandboxTradeAction = validatedAction(
  {
    bound: z.tuple([tradeNoSchema, z.enum(["pay", "decline"])]),
    tampered: () => redirect("/"),
    fields: z.object({}),
    invalid: () => null,
  },
  async (_input, [tradeNo, action]): Promise<SandboxTradeResult> => {
    const gateway = await getSandboxGateway();
    const syssn = syssnOfTradeNo(tradeNo);
    if (!gateway || !syssn || !(await gateway.cashierView(syssn))) return null;
    await gateway.cashierAct(syssn, action);
    const view = await gateway.cashierView(syssn);
    return { resultCode: view?.state === "paid" ? "9000" : "4000" };
  },
);
