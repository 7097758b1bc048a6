import "server-only";
import { isAdmin } from "../admin/admin-session";
import { getShopSession } from "./session";
import type { PaymentsContext } from "../payments/context";
import { verifyOrderAccessToken } from "../payments/order-access";
import { orderIdSchema } from "../payments/ids";
import { orderOwner } from "../payments/store/orders";

/**
 * Who may see an order: the session that placed it, the admin, or a visitor holding the signed link that
 * return_url carries (phones often come back in another browser). Anyone else learns nothing, not even
 * that the order exists. The link and the admin may see any order id: whether it exists is for the
 * caller's read (404 when it does not), as for everyone else.
 */
export async function mayViewOrder(ctx: PaymentsContext, orderIdArg: unknown, token: unknown): Promise<boolean> {
  // A test of an array would pass on its string form: only a real string is an order id.
  const parsed = orderIdSchema.safeParse(orderIdArg);
  if (!parsed.success) return false;
  const orderId = parsed.data;
  if (verifyOrderAccessToken(orderId, token, ctx.sessionSecret) || (await isAdmin())) return true;
  const session = await getShopSession();
  if (!session.sid) return false;
  return (await orderOwner(ctx.db, orderId)) === session.sid;
}

/** The order's path, keeping the signed token when that is how the visitor came. */
export function orderPath(orderId: string, token: string | undefined): string {
  return token ? `/orders/${orderId}?t=${encodeURIComponent(token)}` : `/orders/${orderId}`;
}
