import "server-only";
import { configurationProblem } from "./env";
import { stampPeerAddresses } from "./web/peer-address";

/**
 * Runs once as the server starts, in every function of a Vercel deployment, the proxy's included: so it
 * reads the configuration only and opens no database (the first request does, lib/db/database.ts). Bad
 * configuration is reported in one line; a long-lived server stops there, while a serverless instance
 * keeps answering with a page that says what is wrong (proxy.ts), since Vercel would only start it again.
 */
export function startServer(): void {
  // Off Vercel the connection's address is the only one a client cannot choose (lib/client-address.ts).
  if (!process.env.VERCEL) stampPeerAddresses();
  const problem = configurationProblem();
  if (!problem) return;
  console.error(problem);
  if (!process.env.VERCEL) process.exit(1);
}
