import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/web/client-address";
import { PEER_ADDRESS_HEADER } from "@/lib/web/peer-address";

const direct = { serverless: false, trustedProxyHops: 0 };

function headers(entries: Record<string, string>): Headers {
  return new Headers(entries);
}

describe("the client's address for rate limits and the lock-out", () => {
  it("exposed directly: the connection's address, whatever x-forwarded-for and x-real-ip claim", () => {
    const h = headers({
      [PEER_ADDRESS_HEADER]: "203.0.113.7",
      "x-forwarded-for": "10.0.0.1, 10.0.0.2",
      "x-real-ip": "10.0.0.3",
    });
    expect(clientAddress(h, direct)).toBe("203.0.113.7");
  });

  it("behind one proxy of your own: the address it appended, not what the client wrote before it", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "10.1.1.1", "x-forwarded-for": "6.6.6.6, 198.51.100.4" });
    expect(clientAddress(h, { serverless: false, trustedProxyHops: 1 })).toBe("198.51.100.4");
    expect(clientAddress(h, { serverless: false, trustedProxyHops: 2 })).toBe("6.6.6.6");
  });

  it("more trusted hops than entries: the leftmost address there is", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "10.1.1.1", "x-forwarded-for": "198.51.100.4" });
    expect(clientAddress(h, { serverless: false, trustedProxyHops: 5 })).toBe("198.51.100.4");
  });

  it("on Vercel: x-vercel-forwarded-for, then x-real-ip, never x-forwarded-for", () => {
    const vercel = { serverless: true, trustedProxyHops: 0 };
    expect(
      clientAddress(
        headers({
          "x-vercel-forwarded-for": "198.51.100.9",
          "x-real-ip": "198.51.100.8",
          "x-forwarded-for": "6.6.6.6",
        }),
        vercel,
      ),
    ).toBe("198.51.100.9");
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.8", "x-forwarded-for": "6.6.6.6" }), vercel)).toBe(
      "198.51.100.8",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6" }), vercel)).toBe("unknown");
  });
});
