/** The environment variables a configuration is read from. */
export type Source = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Values that are secrets: a configuration error names them but never repeats them. */
const SECRET_NAMES = new Set([
  "QFPAY_CLIENT_KEY",
  "CBTIS_API_KEY",
  "DATABASE_URL",
  "POSTGRES_URL",
  "DATABASE_URL_UNPOOLED",
  "POSTGRES_URL_NON_POOLING",
  "SESSION_SECRET",
  "ADMIN_PASSWORD",
  "CRON_SECRET",
  "SMTP_URL",
  "ALIPAY_PRIVATE_KEY",
]);

export function fail(name: string, expected: string, source: Source): never {
  const value = source[name];
  const got =
    value === undefined
      ? "it is not set"
      : SECRET_NAMES.has(name)
        ? "the value given is not"
        : `got ${JSON.stringify(value)}`;
  throw new ConfigError(`Configuration error: ${name} must be ${expected} (${got}).`);
}

export function read(source: Source, name: string): string | undefined {
  const value = source[name]?.trim();
  return value ? value : undefined;
}

export function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * The public origin when SITE_URL is unset: on Vercel the production domain for production deployments
 * and the deployment's own URL for previews (a preview must not send shoppers or QFPay to production).
 */
export function defaultSiteUrl(source: Source): string {
  if (!read(source, "VERCEL")) return "http://localhost:3000";
  const production = read(source, "VERCEL_PROJECT_PRODUCTION_URL");
  const deployment = read(source, "VERCEL_URL");
  const host = read(source, "VERCEL_ENV") === "production" || !deployment ? (production ?? deployment) : deployment;
  if (!host)
    fail(
      "SITE_URL",
      "your shop's https origin (Vercel sets VERCEL_PROJECT_PRODUCTION_URL and VERCEL_URL; neither is set here)",
      source,
    );
  return `https://${host}`;
}

export function postgresUrl(source: Source, name: string): string | undefined {
  const value = read(source, name);
  if (value !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(value)) {
    fail(name, "a postgres:// or postgresql:// URL, or unset for the embedded database", source);
  }
  return value;
}
