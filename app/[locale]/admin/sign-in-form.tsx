"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "./actions";

const initial: SignInState = { error: "" };

export function SignInForm() {
  const t = useTranslations("admin.signIn");
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="checkout-form">
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby="sign-in-status"
        />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t("busy") : t("submit")}
      </button>
      <p id="sign-in-status" role="alert" className="form-status form-status-error">
        {state.error}
      </p>
    </form>
  );
}
