import "server-only";
import { getIronSession, type IronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";

/**
 * getIronSession, except that a cookie it cannot even take apart reads as no cookie. iron-session
 * ignores a seal with a bad HMAC, but throws on some malformed ones ("Wrong mac prefix", "Invalid
 * expiration"), and a throw there is a 500 on every page for whoever holds such a cookie. Saving or
 * destroying the session still writes the real cookie store, so the bad cookie is replaced.
 */
export async function openSealedSession<T extends object>(options: SessionOptions): Promise<IronSession<T>> {
  const store = await cookies();
  try {
    return await getIronSession<T>(store, options);
  } catch (error) {
    if (!store.get(options.cookieName)?.value) throw error;
    const withoutIt = {
      get: (name: string) => (name === options.cookieName ? undefined : store.get(name)),
      set: store.set.bind(store),
    };
    // A configuration error (a short password) throws here again, as it should.
    return getIronSession<T>(withoutIt, options);
  }
}
