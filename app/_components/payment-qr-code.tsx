import { QRCodeSVG } from "qrcode.react";

/**
 * The pay_url as a QR code for the wallet app to scan. Rendered on the server: the code is known there
 * and never changes on the page, so the browser gets plain SVG and none of the encoder's JavaScript.
 */
export function PaymentQrCode({ url, label }: { url: string; label: string }) {
  return (
    <div className="qr-frame">
      <QRCodeSVG value={url} size={224} marginSize={2} level="M" role="img" aria-label={label} title={label} />
    </div>
  );
}
