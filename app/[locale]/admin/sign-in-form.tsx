"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

const initial: SignInState = { error: "" };

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="checkout-form">
      <div className="field">
        <label htmlFor="password">Password</label>
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
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p id="sign-in-status" role="alert" className="form-status form-status-error">
        {state.error}
      </p>
    </form>
  );
}
