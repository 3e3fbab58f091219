"use client";

import { useEffect, useRef, type FormHTMLAttributes, type ReactNode } from "react";

/**
 * A plain GET form (works without JavaScript: the Apply button submits it)
 * that, with JavaScript, submits itself whenever a select changes and hides
 * its Apply button. Empty fields are dropped from the query so URLs stay short
 * and shareable.
 */
export function AutoSubmitForm({ children, ...props }: FormHTMLAttributes<HTMLFormElement> & { children: ReactNode }) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    form.querySelectorAll<HTMLElement>("[data-noscript-submit]").forEach((el) => (el.hidden = true));
  }, []);
  return (
    <form
      {...props}
      ref={ref}
      method="get"
      onChange={(e) => {
        if (e.target instanceof HTMLSelectElement) submit(e.currentTarget);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {children}
    </form>
  );
}

function submit(form: HTMLFormElement) {
  const q = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === "string" && v) q.set(k, v);
  const s = q.toString();
  const action = form.getAttribute("action") ?? window.location.pathname;
  window.location.assign(s ? `${action}?${s}` : action);
}
