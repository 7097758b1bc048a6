/** Where the many-instances test listens: the https front, and the instances on the ports after it. */
export const INSTANCES_PROXY_PORT = Number(process.env.INSTANCES_PORT ?? 3400);
export const INSTANCE_PORTS = [1, 2, 3].map((i) => INSTANCES_PROXY_PORT + i);
export const INSTANCES_ADMIN_PASSWORD = "instances-admin-password";
export const INSTANCES_CRON_SECRET = "instances-cron-secret-0123456789";
/** Set by the global setup for the tests: the database every instance shares. */
export const DATABASE_ENV = "INSTANCES_DATABASE_URL";
/** Set by the global setup when there is no PostgreSQL to run on (a laptop; CI always has one). */
export const SKIPPED_ENV = "INSTANCES_SKIPPED";
