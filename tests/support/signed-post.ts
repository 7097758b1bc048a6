import { signParams } from "@/lib/qfpay/sign";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";

/** A hand-made gateway request, for the cases the client itself would refuse to send. */
export async function signedPost(
  apiBase: string,
  endpoint: string,
  params: Record<string, string>,
  options: { sign?: string; appCode?: string; signType?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    "X-QF-APPCODE": options.appCode ?? SANDBOX_APP_CODE,
    "X-QF-SIGN":
      options.sign ?? signParams(params, SANDBOX_CLIENT_KEY, options.signType === "SHA256" ? "SHA256" : "MD5"),
  };
  if (options.signType) headers["X-QF-SIGNTYPE"] = options.signType;
  const response = await fetch(`${apiBase}/trade/v1/${endpoint}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
