"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { issueAuthCode } from "@/lib/sandbox/alipay/auth-codes";
import { authorizeRequestSchema, authorizeReturnUrl } from "@/lib/sandbox/alipay/authorize-request";
import { validatedAction } from "@/lib/web/validated-action";

/** The request the page was opened with, bound to its buttons and checked again when they come back. */
const bound = () => z.tuple([authorizeRequestSchema(() => getConfig().siteUrl)]);

function authorizeAction(allow: boolean) {
  return validatedAction(
    { bound: bound(), tampered: () => redirect("/"), fields: z.object({}), invalid: () => undefined },
    async (_input, [request]): Promise<void> => {
      if (getConfig().qfpay.environment !== "sandbox") redirect("/");
      const code = allow ? await issueAuthCode(await getDb(), request.app_id, request.scope, new Date()) : null;
      redirect(authorizeReturnUrl(request, code));
    },
  );
}

export const allowAlipayAuthorizationAction = authorizeAction(true);
export const denyAlipayAuthorizationAction = authorizeAction(false);
