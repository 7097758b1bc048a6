"use server";

import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { redirect } from "next/navigation";
import { localizedPath } from "@/i18n/localized-path";
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

/** Back to the admin's front page, in the language the admin reads it in. */
async function toAdmin(): Promise<never> {
  return redirect(localizedPath("/admin", await getLocale()));
}

export const signInAction = validatedAction(
  {
    // Anything that is not a password of a sane length is a wrong guess like any other: counted, delayed.
    fields: z.object({ password: z.string().max(1024).nullable().catch(null) }),
    invalid: async (): Promise<SignInState> => ({ error: (await getTranslations("admin.signIn"))("wrong") }),
  },
  async ({ password }): Promise<SignInState> => {
    const t = await getTranslations("admin.signIn");
    const config = getConfig();
    if (!adminEnabled() || !config.adminPassword) return { error: t("off") };
    const db = await getDb();
    const secret = await getSessionSecret();
    const clientKey = clientKeyFor(clientAddress(await headers(), config), secret);
    const now = new Date();
    const guess = await takeGuess(db, clientKey, now);
    if (!guess.allowed) {
      const minutes = Math.ceil((guess.until.getTime() - now.getTime()) / 60_000);
      return { error: t("locked", { minutes }) };
    }
    if (password === null || !passwordMatches(password, config.adminPassword, secret)) {
      await guessFailed(db, clientKey, guess.number, now);
      await sleep(failureDelayMs(guess.number));
      return { error: t("wrong") };
    }
    await clearFailures(db, clientKey);
    await startAdminSession();
    return toAdmin();
  },
);

const noFields = { fields: z.object({}), invalid: () => undefined };

export const signOutAction = validatedAction(noFields, async (): Promise<void> => {
  await endAdminSession();
  await toAdmin();
});

export interface ReconcileState {
  message: string;
}

export const runReconciliationAction = validatedAction(
  {
    authorize: async () => {
      if (!(await isAdmin())) await toAdmin();
    },
    fields: z.object({}),
    invalid: (): ReconcileState => ({ message: "" }),
  },
  async (): Promise<ReconcileState> => {
    const t = await getTranslations("admin.reconcile");
    const ctx = await getPaymentsContext();
    const summary = await reconcile(ctx);
    const counts = {
      checked: summary.checked,
      provider: ctx.gateway.name,
      queried: summary.queried,
      unanswered: summary.gatewayErrors,
      expired: summary.expiredByShop,
      closed: summary.ordersFailed,
      flagged: summary.flaggedPaidTwice,
    };
    return { message: summary.gatewayErrors ? t("summaryUnanswered", counts) : t("summary", counts) };
  },
);
