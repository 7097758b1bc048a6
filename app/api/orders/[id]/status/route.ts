import { readOrderProgress } from "@/lib/payments/order-status";
import { deliverDueSandboxNotifications } from "@/lib/sandbox/instance";
import { enterOrderRoute, NO_STORE } from "@/lib/web/order-route-door";
import { STATUS_RULE } from "@/lib/web/rate-limit";

/** The order page's live status: what the payments core knows, after asking the gateway if still pending. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const door = await enterOrderRoute(request, id, STATUS_RULE);
  if (door.refusal) return door.refusal;
  await deliverDueSandboxNotifications();
  const progress = await readOrderProgress(door.ctx, id);
  if (!progress) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
  return Response.json(progress, { headers: NO_STORE });
}
