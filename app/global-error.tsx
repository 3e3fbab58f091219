"use client";

import "./globals.css";

/** Last resort when the root layout itself fails (e.g. the database is unreachable). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <div className="page-narrow">
          <p className="mono muted" style={{ margin: "0 0 6px" }}>
            500
          </p>
          <h1 className="page-title">ProdLoop is having trouble</h1>
          <p className="page-sub">
            The server could not render this page. Check <code>/api/ready</code> for the failing dependency
            {error.digest ? (
              <>
                {" "}
                (reference <code>{error.digest}</code>)
              </>
            ) : null}
            .
          </p>
          <button type="button" className="btn btn-primary" onClick={reset}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
