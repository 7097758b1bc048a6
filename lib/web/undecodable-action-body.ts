/**
 * WORKAROUND for vercel/next.js#86945 (fix proposed in vercel/next.js#98105): a body that names a real
 * server action but whose arguments React's decoder throws on is answered by Next 16.4 with a 500. This
 * module spots the bodies React's current decoder (react-server-dom-*'s ReactFlightReplyServer, read in
 * Next 16.4.6's compiled copy) is known to throw on, so that the request guard answers them 400. It goes
 * away, with its call in request-guard.ts, when Next answers 400 itself: the e2e test "undecodable action
 * arguments are a 4xx" will then pass with this file deleted.
 *
 * FAIL-OPEN: it reads React's private encoding, which any React release may change, so it only says
 * "undecodable" for shapes it positively recognises as throwing today and lets anything else through
 * (unknown tags, unknown field names, text that does not look like JSON). An upgrade that changes the
 * encoding can then at worst let a bad body reach Next's 500 again, never turn a valid form into a 400.
 */

/** A row of the reply: the field `<prefix><id>` as text. React keeps only text fields as rows. */
type Rows = (id: number) => string | undefined;

/** Tags whose hex row id React dereferences at once, throwing if the row is missing or broken: Map, Set, iterator, server reference, and an untagged `$<hex>` (a plain outlined model; digit-led, so no tag letter is mistaken for it). Not `$@` (a promise: its rejection reaches the action, it does not throw) nor `$K` (collects `<id>_` fields, never throws). */
const ROW_REFERENCE = /^\$(?:[QWih]([0-9a-fA-F]+)|([0-9][0-9a-fA-F]*))(?::|$)/;
const MAX_DEPTH = 32;

function parse(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/** Whether reviving `value` throws: a reference to a missing or non-JSON row, or `$n` that `BigInt()` refuses. */
function throwsOnRevive(value: unknown, rows: Rows, seen: Set<number>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false; // too deep to judge: let it through
  if (typeof value === "string") {
    if (value.startsWith("$n")) {
      try {
        BigInt(value.slice(2));
        return false;
      } catch {
        return true;
      }
    }
    const match = ROW_REFERENCE.exec(value);
    return match !== null && throwsOnRow(parseInt(match[1] ?? match[2]!, 16), rows, seen, depth + 1);
  }
  if (typeof value !== "object" || value === null) return false;
  // React deletes a `__proto__` key without reviving it.
  return Object.entries(value).some(
    ([key, item]) => key !== "__proto__" && throwsOnRevive(item, rows, seen, depth + 1),
  );
}

/** A row React must read: absent, not JSON, or holding something that throws. */
function throwsOnRow(id: number, rows: Rows, seen: Set<number>, depth: number): boolean {
  if (seen.has(id)) return false; // already judged (or a cycle)
  seen.add(id);
  const text = rows(id);
  const parsed = text === undefined ? null : parse(text);
  return parsed === null || throwsOnRevive(parsed.value, rows, seen, depth);
}

/** A root row, which is judged only if it looks like JSON: text of another kind may be a newer encoding. */
function throwsOnRoot(text: string | undefined, rows: Rows): boolean {
  if (text === undefined || !/^[[{]/.test(text)) return false;
  return throwsOnRow(0, (id) => (id === 0 ? text : rows(id)), new Set(), 0);
}

function rowsOf(form: FormData, prefix: string): Rows {
  return (id) => {
    const value = form.get(`${prefix}${id}`);
    return typeof value === "string" ? value : undefined;
  };
}

/**
 * Whether React's current decoder throws on this action body: `body` is a `Next-Action` call's text
 * body, or its form (arguments in field `0`, rows in fields `<n>`), or (`fetchAction` false) a form posted
 * without JavaScript, whose last `$ACTION_REF_n` names `$ACTION_n:0` = {id, bound} as React's decodeAction reads it.
 */
export function isUndecodableActionBody(body: string | FormData, fetchAction: boolean): boolean {
  if (typeof body === "string") return fetchAction && throwsOnRoot(body, () => undefined);
  if (fetchAction) {
    const root = body.get("0");
    return throwsOnRoot(typeof root === "string" ? root : undefined, rowsOf(body, ""));
  }

  const key = [...body.keys()]
    .filter((name) => name.startsWith("$ACTION_REF_") || name.startsWith("$ACTION_ID_"))
    .at(-1);
  if (!key?.startsWith("$ACTION_REF_")) return false;
  const rows = rowsOf(body, `$ACTION_${key.slice("$ACTION_REF_".length)}:`);
  if (throwsOnRoot(rows(0), rows)) return true;
  const meta = parse(rows(0) ?? "")?.value as { bound?: unknown } | undefined;
  // `bound` "$@<hex>" is awaited and spread: the row must be there, JSON, and not null or undefined.
  const bound = typeof meta === "object" && meta !== null ? /^\$@([0-9a-fA-F]+)$/.exec(String(meta.bound)) : null;
  if (bound === null) return false;
  const id = parseInt(bound[1]!, 16);
  const args = parse(rows(id) ?? "");
  return (
    args === null ||
    args.value === null ||
    args.value === "$undefined" ||
    throwsOnRevive(args.value, rows, new Set([0, id]))
  );
}
