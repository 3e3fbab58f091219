import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page-narrow">
      <p className="mono muted" style={{ margin: "0 0 6px" }}>
        404
      </p>
      <h1 className="page-title">Page not found</h1>
      <p className="page-sub">Nothing lives at this address.</p>
      <Link href="/problems" className="btn">
        Go to problems
      </Link>
    </div>
  );
}
