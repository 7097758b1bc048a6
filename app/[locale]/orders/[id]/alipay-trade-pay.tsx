"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TradePayResult } from "@/app/_components/alipay-bridge";
import { tradePayHint, type TradePayHint } from "./trade-pay-results";

/** How long the page waits for the Alipay app's bridge before saying it cannot open the cashier here. */
const BRIDGE_WAIT_MS = 5_000;

type Phase = "waiting" | "open" | "closed" | "missing";

/**
 * Inside the Alipay app: opens Alipay's cashier for the attempt's tradeNO by itself, once the app's
 * bridge is ready, and says what the cashier answered, as a hint; the status above says what is true and
 * re-renders the page when the payment lands. The cashier can be opened again whatever it answered.
 */
export function AlipayTradePay({ tradeNo, provider }: { tradeNo: string; provider: string }) {
  const t = useTranslations("alipayApp");
  const [phase, setPhase] = useState<Phase>("waiting");
  const [result, setResult] = useState<TradePayHint | null>(null);
  const started = useRef(false);

  const open = useCallback(() => {
    const bridge = window.AlipayJSBridge;
    if (!bridge) {
      setPhase("missing");
      return;
    }
    setPhase("open");
    setResult(null);
    bridge.call("tradePay", { tradeNO: tradeNo }, (answer: TradePayResult) => {
      setResult(tradePayHint(answer?.resultCode));
      setPhase("closed");
    });
  }, [tradeNo]);

  useEffect(() => {
    const start = () => {
      if (started.current) return;
      started.current = true;
      open();
    };
    if (window.AlipayJSBridge) {
      start();
      return;
    }
    document.addEventListener("AlipayJSBridgeReady", start, { once: true });
    const timer = setTimeout(() => {
      if (!started.current) setPhase("missing");
    }, BRIDGE_WAIT_MS);
    return () => {
      document.removeEventListener("AlipayJSBridgeReady", start);
      clearTimeout(timer);
    };
  }, [open]);

  return (
    <div className="alipay-trade-pay">
      <p aria-live="polite">
        {phase === "missing"
          ? t("noBridge")
          : phase === "closed" && result
            ? t(`results.${result}`, { provider })
            : t("opening")}
      </p>
      {phase === "closed" && (
        <p className="pay-actions">
          <button type="button" className="button button-primary" onClick={open}>
            {t("startAgain")}
          </button>
        </p>
      )}
    </div>
  );
}
