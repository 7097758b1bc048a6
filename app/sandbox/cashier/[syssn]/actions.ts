"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getSandboxGateway } from "@/lib/sandbox/instance";

const syssnSchema = z.string().regex(/^\d{26}$/);

async function act(syssn: unknown, action: "pay" | "decline" | "expire"): Promise<void> {
  const gateway = await getSandboxGateway();
  const parsed = syssnSchema.safeParse(syssn);
  if (!gateway || !parsed.success) redirect("/");
  // The payment's notification goes out in this request's after() (the gateway defers its delivery).
  await gateway.cashierAct(parsed.data, action);
  const view = await gateway.cashierView(parsed.data);
  // Alipay sends the shopper back to the merchant's return_url once the payment is done.
  if (action === "pay" && view?.state === "paid" && view.returnUrl) redirect(view.returnUrl);
  redirect(`/sandbox/cashier/${parsed.data}`);
}

export async function payCashierAction(syssn: string): Promise<void> {
  await act(syssn, "pay");
}

export async function declineCashierAction(syssn: string): Promise<void> {
  await act(syssn, "decline");
}

export async function expireCashierAction(syssn: string): Promise<void> {
  await act(syssn, "expire");
}
