"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { redirect } from "next/navigation";
import { endAdminSession, isAdmin, startAdminSession, adminEnabled } from "@/lib/admin/admin-session";
import { clientAddress } from "@/lib/web/client-address";
import { passwordMatches } from "@/lib/admin/password";
import { clearFailures, clientKeyFor, failureDelayMs, guessFailed, takeGuess } from "@/lib/admin/sign-in-throttle";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { getSessionSecret } from "@/lib/session-secret";
import { validatedAction } from "@/lib/web/validated-action";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { reconcile } from "@/lib/payments/reconcile";

export interface SignInState {
  error: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const signInAction = validatedAction(
  {
    // Anything that is not a password of a sane length is a wrong guess like any other: counted, delayed.
    fields: z.object({ password: z.string().max(1024).nullable().catch(null) }),
    invalid: (): SignInState => ({ error: "That password is not right." }),
  },
  async ({ password }): Promise<SignInState> => {
    const config = getConfig();
    if (!adminEnabled() || !config.adminPassword) return { error: "The admin is turned off." };
    const db = await getDb();
    const secret = await getSessionSecret();
    const clientKey = clientKeyFor(clientAddress(await headers(), config), secret);
    const now = new Date();
    const guess = await takeGuess(db, clientKey, now);
    if (!guess.allowed) {
      const minutes = Math.ceil((guess.until.getTime() - now.getTime()) / 60_000);
      return { error: `Too many failed sign-ins. Try again after ${minutes} minutes.` };
    }
    if (password === null || !passwordMatches(password, config.adminPassword, secret)) {
      await guessFailed(db, clientKey, guess.number, now);
      await sleep(failureDelayMs(guess.number));
      return { error: "That password is not right." };
    }
    await clearFailures(db, clientKey);
    await startAdminSession();
    redirect("/admin");
  },
);

const noFields = { fields: z.object({}), invalid: () => undefined };

export const signOutAction = validatedAction(noFields, async (): Promise<void> => {
  await endAdminSession();
  redirect("/admin");
});

export interface ReconcileState {
  message: string;
}

export const runReconciliationAction = validatedAction(
  {
    authorize: async () => {
      if (!(await isAdmin())) redirect("/admin");
    },
    fields: z.object({}),
    invalid: (): ReconcileState => ({ message: "" }),
  },
  async (): Promise<ReconcileState> => {
    const ctx = await getPaymentsContext();
    const summary = await reconcile(ctx);
    return {
      message: `Checked ${summary.checked}, asked ${ctx.gateway.name} about ${summary.queried}${summary.gatewayErrors ? `, ${summary.gatewayErrors} unanswered` : ""}; expired ${summary.expiredByShop}, closed ${summary.ordersFailed}, flagged ${summary.flaggedPaidTwice} paid twice.`,
    };
  },
);
