// `npm run reconcile`: settles every payment attempt left pending or unknown and sends the mail still owed,
// as the cron route does.
// With embedded PGlite, stop the shop first (only one process may open its folder) or call the route.
import { openDatabase } from "../lib/db/connection";
import { getConfig } from "../lib/env";
import { buildPaymentsContext } from "../lib/gateways/build-payments-context";
import { chooseGateway } from "../lib/gateways/choose-gateway";
import { pruneStaleRows } from "../lib/housekeeping";
import { reconcile } from "../lib/payments/reconcile";
import { deliverDueMail } from "../lib/payments/deliver-mail";
import { resolveSessionSecret } from "../lib/session-secret";

async function main() {
  const config = getConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDataDir });
  const deferred: Promise<unknown>[] = [];
  try {
    const secret = await resolveSessionSecret(config, handle.db);
    const ctx = buildPaymentsContext(config, chooseGateway(config), {
      db: handle.db,
      sessionSecret: secret,
      defer: (task) => void deferred.push(task()),
    });
    const summary = await reconcile(ctx);
    const mail = await deliverDueMail(ctx);
    await Promise.allSettled(deferred);
    const pruned = await pruneStaleRows(handle.db, new Date());
    console.log(JSON.stringify({ ...summary, mail, pruned }));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : "Reconciliation failed");
  process.exit(1);
});
