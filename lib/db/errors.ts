/** Whether PostgreSQL reported `code` (a SQLSTATE), as node-postgres and PGlite both report it, possibly wrapped by Drizzle. */
export function hasDatabaseCode(error: unknown, code: string): boolean {
  for (let current = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === code) return true;
  }
  return false;
}

/** PostgreSQL's unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return hasDatabaseCode(error, "23505");
}
