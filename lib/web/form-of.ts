/**
 * A server action's form, whatever the action was called with. Through Next's action endpoint anyone
 * can call an action with any arguments, not only a FormData; anything else reads as an empty form,
 * which the action's own validation then refuses like any incomplete form.
 */
export function formOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
