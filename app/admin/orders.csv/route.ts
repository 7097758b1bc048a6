import { isAdmin } from "@/lib/admin/admin-session";
import { orderFilterSchema } from "@/lib/payments/order-filter";
import { listOrders } from "@/lib/payments/store/order-list";
import { ordersCsv } from "@/lib/admin/orders-csv";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { isCrossSiteRequest } from "@/lib/web/same-origin";

const MAX_ROWS = 10_000;

/** The filtered order list as CSV. Checks the admin session itself. */
export async function GET(request: Request) {
  if (!(await isAdmin())) return new Response("Not Found", { status: 404 });
  if (isCrossSiteRequest(request.headers, getConfig().siteUrl)) return new Response("Forbidden", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = { ...orderFilterSchema.parse(params), page: 1 };
  const { rows } = await listOrders(await getDb(), filter, getConfig().qfpay.environment, MAX_ROWS);
  return new Response(ordersCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orders-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
