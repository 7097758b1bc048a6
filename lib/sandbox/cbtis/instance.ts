import "server-only";
import { getDb } from "../../db/database";
import { deferTask } from "../../defer-task";
import { getConfig } from "../../env";
import { createCbtisSandbox, type CbtisSandbox } from "./gateway";

const holder = globalThis as typeof globalThis & { __cbtisSandbox?: Promise<CbtisSandbox> };

/** The running shop's CBTIS stand-in, or null unless the shop pays through CBTIS in sandbox mode. */
export async function getCbtisSandbox(): Promise<CbtisSandbox | null> {
  const config = getConfig();
  if (config.qfpay.environment !== "sandbox" || config.provider !== "cbtis") return null;
  holder.__cbtisSandbox ??= getDb().then((db) =>
    createCbtisSandbox({ db, publicBaseUrl: config.siteUrl, defer: deferTask, retryTimer: !config.serverless }),
  );
  return holder.__cbtisSandbox;
}
