/**
 * Whether a server action request carries what React's own encoder would have sent. React decodes the
 * `$ACTION_*` fields of a form post (and the body of a JavaScript call) before any action code runs,
 * and throws on a malformed one: bad JSON, `null` where the bound arguments go, a reference to a row
 * that is not there. Next answers that throw with a 500. This shop binds only strings, `undefined` and
 * plain objects to its actions, so a bound argument must be one of those to be let through.
 */

const MAX_DEPTH = 8;

function parseJson(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * A value React passes through as it is: `$` marks its references, except escaped `$$…` and
 * `$undefined`. A JavaScript call may also pass a form, as `$K<n>` (its fields are sent as `<n>_name`).
 */
function isPlain(value: unknown, forms = false, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === "boolean" || typeof value === "number") return true;
  if (typeof value === "string") {
    return !value.startsWith("$") || value.startsWith("$$") || value === "$undefined" || (forms && /^\$K\d+$/.test(value));
  }
  if (Array.isArray(value)) return value.every((item) => isPlain(item, forms, depth + 1));
  if (typeof value === "object") return Object.values(value).every((item) => isPlain(item, forms, depth + 1));
  return false;
}

/** A form posted without JavaScript: each `$ACTION_REF_n` names `$ACTION_n:0` ({id, bound}) and its bound arguments. */
export function isWellFormedActionForm(form: FormData): boolean {
  for (const name of form.keys()) {
    if (!name.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${name.slice("$ACTION_REF_".length)}:`;
    const meta = parseJson(form.get(`${prefix}0`));
    if (typeof meta !== "object" || meta === null || Array.isArray(meta)) return false;
    const { id, bound } = meta as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return false;
    if (bound === null) continue;
    if (bound !== "$@1") return false;
    const args = parseJson(form.get(`${prefix}1`));
    if (!Array.isArray(args) || !isPlain(args)) return false;
  }
  return true;
}

/** A JavaScript call: its arguments are one JSON array, sent as the body or as the form's field `0`. */
export function isWellFormedActionCall(body: string | FormData): boolean {
  const args = typeof body === "string" ? parseJson(body) : parseJson(body.get("0"));
  return Array.isArray(args) && isPlain(args, typeof body !== "string");
}
