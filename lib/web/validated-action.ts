import { z } from "zod";

/** The first problem of each field, by field name: what a form shows beside its inputs. */
export type FieldErrors = Record<string, string>;

export interface ActionSpec<Fields extends z.ZodObject, Bound extends z.ZodTuple, State> {
  /** Who may call it, checked before anything else is read (typically: redirect anyone else away). */
  authorize?: () => Promise<void>;
  /** What `.bind()` put before the form: it comes back from the browser like any field, and is checked like one. */
  bound?: Bound;
  fields: Fields;
  /** The answer when a bound argument does not pass (a tampered page): typically a redirect. */
  tampered?: () => never;
  /** The answer when the form's fields do not pass, given each field's first problem. */
  invalid: (errors: FieldErrors, form: FormData, bound: z.output<Bound>) => State | Promise<State>;
}

/** The form's own value for each field the schema names (a field sent twice counts once, as a browser sends it). */
function fieldsOf(fields: z.ZodObject, form: FormData): Record<string, unknown> {
  return Object.fromEntries(Object.keys(fields.shape).map((name) => [name, form.get(name) ?? undefined]));
}

function errorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** As Next calls an action: bound arguments, then the previous state (with useActionState), then the form. */
type ActionArguments<Bound extends unknown[], State> = [State] extends [void]
  ? [...Bound, FormData]
  : [...Bound, State, FormData];

/**
 * Every server action's entrance (as nextjs/saas-starter has it): the bound arguments and the form are
 * checked before the action runs, whatever a hand-made request put there (an array for an id, no form
 * at all), and the action receives them typed. Arguments come as Next passes them: the bound ones, then
 * the previous state when the form uses useActionState, then the form; anything else reads as an empty
 * form, which the schema then refuses.
 */
export function validatedAction<Fields extends z.ZodObject, State, Bound extends z.ZodTuple = z.ZodTuple<[], null>>(
  spec: ActionSpec<Fields, Bound, State>,
  action: (input: z.output<Fields>, bound: z.output<Bound>, form: FormData) => Promise<State>,
): (...args: ActionArguments<z.input<Bound>, State>) => Promise<State> {
  const boundSchema = spec.bound ?? (z.tuple([]) as unknown as Bound);
  const count = boundSchema.def.items.length;
  return async (...args: unknown[]): Promise<State> => {
    await spec.authorize?.();
    const bound = boundSchema.safeParse(args.slice(0, count));
    if (!bound.success) {
      if (spec.tampered) spec.tampered();
      throw new Error("A bound argument did not pass and the action names no answer for it.");
    }
    // Anyone can call an action through Next's endpoint with anything in place of a form.
    const last = args.at(-1);
    const form = last instanceof FormData ? last : new FormData();
    const input = spec.fields.safeParse(fieldsOf(spec.fields, form));
    if (!input.success) return spec.invalid(errorsOf(input.error), form, bound.data as z.output<Bound>);
    return action(input.data as z.output<Fields>, bound.data as z.output<Bound>, form);
  };
}
