import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface LoopbackCertificate {
  /** The certificate's file: give it to servers' clients as NODE_EXTRA_CA_CERTS. */
  certFile: string;
  cert: string;
  key: string;
}

/**
 * A throwaway self-signed certificate for https://127.0.0.1, so that a test can serve the shop at an
 * https origin as Vercel does (SITE_URL then falls back to https://<host>). Made with the openssl
 * command, which every CI image and laptop has.
 */
export function makeLoopbackCertificate(): LoopbackCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), "shop-tls-"));
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" },
  );
  return { certFile, cert: readFileSync(certFile, "utf8"), key: readFileSync(keyFile, "utf8") };
}
