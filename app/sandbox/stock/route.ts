import { z } from "zod";
import { productBySku } from "@/lib/catalog/products";
import { getDb } from "@/lib/db/database";
import { setStock } from "@/lib/payments/store/stock";
import { readLimitedBody } from "@/lib/web/read-limited-body";
import { getSandboxGateway } from "@/lib/sandbox/instance";

const stockSchema = z.object({
  sku: z
    .string()
    .refine((sku) => productBySku(sku) !== undefined, "not a product of the catalog")
    .optional(),
  stock: z.number().int().min(0).max(1_000_000_000),
});

/** `{"sku": …, "stock": …}` is a few dozen bytes. */
const MAX_BODY_BYTES = 1024;

/**
 * Stocks the demo shop (sandbox mode only, like the sandbox's control endpoint): `{"stock": 500}` for
 * every product, `{"sku": "TEA-JAS-50", "stock": 1}` for one. Checkout refuses goods that other orders
 * hold, so a demo or a load test would otherwise run out.
 */
export async function POST(request: Request) {
  if (!(await getSandboxGateway())) return new Response("Not Found", { status: 404 });
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body.oversized) return Response.json({ error: "the body is too large" }, { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return Response.json({ error: "the body must be JSON" }, { status: 400 });
  }
  const parsed = stockSchema.safeParse(json);
  if (!parsed.success)
    return Response.json(
      { error: parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ") },
      { status: 400 },
    );
  await setStock(await getDb(), parsed.data.stock, parsed.data.sku);
  return Response.json({ ok: true });
}
