"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import type { AlipayBridge, TradePayResult } from "@/app/_components/alipay-bridge";
import {
  readSandboxTradeAction,
  settleSandboxTradeAction,
  type SandboxTrade,
  type SandboxTradeResult,
} from "./bridge-actions";

interface OpenTrade {
  /** Each call its own cashier, even for the same trade again. */
  serial: number;
  tradeNo: string;
  done: (result: TradePayResult) => void;
}

/**
 * Sandbox mode, Alipay app's user agent only: a stand-in for the `AlipayJSBridge` the Alipay app puts in
 * its pages, whose `tradePay` opens the sandbox's cashier over the page, as Alipay's cashier opens over
 * it, and hands the callback Alipay's result codes: 9000 paid, 4000 declined, 6001 closed by the shopper.
 * A real bridge, if there is one, is never replaced.
 */
export function SandboxAlipayBridge() {
  const [trade, setTrade] = useState<OpenTrade | null>(null);
  const calls = useRef(0);
  useEffect(() => {
    if (window.AlipayJSBridge) return;
    const bridge: AlipayBridge = {
      call(name, params, callback) {
        if (name !== "tradePay" || typeof params?.tradeNO !== "string") {
          callback?.({ resultCode: "4000" });
          return;
        }
        calls.current += 1;
        setTrade({ serial: calls.current, tradeNo: params.tradeNO, done: (result) => callback?.(result) });
      },
    };
    window.AlipayJSBridge = bridge;
    document.dispatchEvent(new Event("AlipayJSBridgeReady"));
    return () => {
      if (window.AlipayJSBridge === bridge) delete window.AlipayJSBridge;
    };
  }, []);
  if (!trade) return null;
  return (
    <SandboxCashier
      key={trade.serial}
      tradeNo={trade.tradeNo}
      close={(result) => {
        setTrade(null);
        trade.done(result);
      }}
    />
  );
}

function SandboxCashier({ tradeNo, close }: { tradeNo: string; close: (result: TradePayResult) => void }) {
  const t = useTranslations("sandboxAlipay");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<SandboxTrade | null | undefined>(undefined);
  const [paid, pay, paying] = useActionState<SandboxTradeResult, FormData>(
    settleSandboxTradeAction.bind(null, tradeNo, "pay"),
    null,
  );
  const [declined, decline, declining] = useActionState<SandboxTradeResult, FormData>(
    settleSandboxTradeAction.bind(null, tradeNo, "decline"),
    null,
  );
  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void readSandboxTradeAction(tradeNo, null, new FormData()).then((found) => live && setView(found));
    return () => {
      live = false;
    };
  }, [tradeNo]);
  const settled = paid ?? declined;
  const closed = useRef(false);
  const finish = (result: TradePayResult) => {
    if (closed.current) return;
    closed.current = true;
    dialog.current?.close();
    close(result);
  };
  useEffect(() => {
    if (settled && !closed.current) {
      closed.current = true;
      dialog.current?.close();
      close({ resultCode: settled.resultCode });
    }
  }, [settled, close]);

  const busy = paying || declining;
  const amount = view && isCurrencyCode(view.currency) ? formatMoney(view.amount, view.currency, locale) : view?.amount;
  return (
    <dialog
      ref={dialog}
      className="sandbox-bridge"
      aria-labelledby="sandbox-bridge-title"
      // Escape closes Alipay's cashier as its close button does: the shopper cancelled (6001).
      onCancel={(event) => {
        event.preventDefault();
        finish({ resultCode: "6001" });
      }}
    >
      <section className="cashier-card">
        <p className="cashier-wallet cashier-wallet-cn">{t("cashierLabel")}</p>
        {view === undefined ? (
          <p>{t("working")}</p>
        ) : view === null || !view.open ? (
          <p id="sandbox-bridge-title">{t("closed")}</p>
        ) : (
          <>
            <h2 id="sandbox-bridge-title">{t("cashierHeading", { merchant: view.merchant })}</h2>
            <p className="cashier-amount">{amount}</p>
            <div className="cashier-actions">
              <form action={pay}>
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t("pay")}
                </button>
              </form>
              <form action={decline}>
                <button type="submit" className="button" disabled={busy}>
                  {t("decline")}
                </button>
              </form>
            </div>
          </>
        )}
        <p className="cashier-actions">
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => finish({ resultCode: "6001" })}
          >
            {t("cancel")}
          </button>
        </p>
        <p className="cashier-note">{t("cashierNote")}</p>
      </section>
    </dialog>
  );
}
