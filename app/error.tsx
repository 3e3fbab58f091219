"use client";

import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page-narrow">
      <p className="mono muted" style={{ margin: "0 0 6px" }}>
        500
      </p>
      <h1 className="page-title">Something broke on our side</h1>
      <p className="page-sub">
        The page could not be rendered. Try again; if it keeps happening, the server log has the details
        {error.digest ? (
          <>
            {" "}
            (reference <code>{error.digest}</code>)
          </>
        ) : null}
        .
      </p>
      <div style={{ display: "flex", gap: 8 }}>
        <button type="button" className="btn btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/problems" className="btn">
          Go to problems
        </Link>
      </div>
    </div>
  );
}
