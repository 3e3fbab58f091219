"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { AUTH_LIMITS } from "@/graders/limits";
import { api, ApiError } from "./api";
import styles from "./AuthForm.module.css";

type Mode = "login" | "signup";

interface FieldErrors {
  email?: string;
  password?: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(mode: Mode, email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = "Enter your email address.";
  else if (!EMAIL_RE.test(email.trim())) errors.email = "That does not look like an email address.";
  if (!password) errors.password = "Enter your password.";
  else if (mode === "signup" && password.length < AUTH_LIMITS.minPasswordLength)
    errors.password = `Use at least ${AUTH_LIMITS.minPasswordLength} characters.`;
  else if (password.length > AUTH_LIMITS.maxPasswordLength)
    errors.password = `Use at most ${AUTH_LIMITS.maxPasswordLength} characters.`;
  return errors;
}

/** Email + password form for /login and /signup. On success: a full navigation to `next`, signed in. */
export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const isSignup = mode === "signup";
  const nextQuery = next !== "/problems" ? `?next=${encodeURIComponent(next)}` : "";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setTouched(true);
    setFormError(null);
    const found = validate(mode, email, password);
    setErrors(found);
    if (found.email || found.password) return;
    setBusy(true);
    try {
      await api(isSignup ? "/api/auth/signup" : "/api/auth/login", {
        method: "POST",
        body: { email: email.trim(), password },
      });
      // A full navigation so the layout (nav bar) renders with the new session cookie.
      window.location.assign(next);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) {
        const fieldErrors: FieldErrors = {};
        for (const issue of err.issues) {
          if (issue.path === "email" || issue.path === "password") fieldErrors[issue.path] = issue.message;
        }
        setErrors(fieldErrors);
        setFormError(err.message);
      } else {
        setFormError("Something went wrong. Try again.");
      }
    }
  }

  function revalidate(nextEmail: string, nextPassword: string) {
    if (touched) setErrors(validate(mode, nextEmail, nextPassword));
  }

  return (
    <div className={styles.wrap}>
      <h1 className={styles.title}>{isSignup ? "Create your account" : "Sign in to ProdLoop"}</h1>
      <p className={styles.sub}>
        {isSignup ? "Track your progress, keep drafts and submit against hidden tests." : "Welcome back."}
      </p>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        {formError && (
          <div className="alert alert-error" role="alert">
            {formError}
          </div>
        )}
        <div className={styles.field}>
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            className="input"
            type="email"
            name="email"
            autoComplete="email"
            autoFocus
            value={email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-err` : undefined}
            onChange={(e) => {
              setEmail(e.target.value);
              revalidate(e.target.value, password);
            }}
          />
          {errors.email && (
            <span id={`${id}-email-err`} className={styles.err}>
              {errors.email}
            </span>
          )}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            className="input"
            type="password"
            name="password"
            autoComplete={isSignup ? "new-password" : "current-password"}
            value={password}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${id}-password-err` : isSignup ? `${id}-password-hint` : undefined}
            onChange={(e) => {
              setPassword(e.target.value);
              revalidate(email, e.target.value);
            }}
          />
          {errors.password ? (
            <span id={`${id}-password-err`} className={styles.err}>
              {errors.password}
            </span>
          ) : (
            isSignup && (
              <span id={`${id}-password-hint`} className={styles.hint}>
                At least {AUTH_LIMITS.minPasswordLength} characters.
              </span>
            )
          )}
        </div>
        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {isSignup ? "Create account" : "Sign in"}
        </button>
      </form>
      <p className={styles.switch}>
        {isSignup ? (
          <>
            Already have an account? <Link href={`/login${nextQuery}`}>Sign in</Link>
          </>
        ) : (
          <>
            New to ProdLoop? <Link href={`/signup${nextQuery}`}>Create an account</Link>
          </>
        )}
      </p>
    </div>
  );
}
