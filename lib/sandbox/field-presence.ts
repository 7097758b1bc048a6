import type { FormFields } from "./request-signature";
import { badParameter, type Refusal } from "./response-codes";

/** The first required field not sent, as a 1104. */
export function missingField(fields: FormFields, required: readonly string[]): Refusal | null {
  const name = required.find((field) => fields[field] === undefined);
  return name ? badParameter(`parameter ${name} is required`) : null;
}

/**
 * The first field the endpoint's documentation does not name, as a 1104. QFPay's behaviour for an
 * unknown field is not documented; refusing it keeps a misspelt optional field from passing unnoticed.
 */
export function unknownField(fields: FormFields, known: ReadonlySet<string>): Refusal | null {
  const name = Object.keys(fields).find((field) => !known.has(field));
  return name ? badParameter(`unknown parameter ${name}`) : null;
}
