"use client";

import { QRCodeSVG } from "qrcode.react";

/** The pay_url as a QR code for the wallet app to scan. */
export function PaymentQrCode({ url, label }: { url: string; label: string }) {
  return (
    <div className="qr-frame">
      <QRCodeSVG value={url} size={224} marginSize={2} level="M" role="img" aria-label={label} title={label} />
    </div>
  );
}
