import Link from "next/link";

export default function ProblemNotFound() {
  return (
    <div className="page-narrow">
      <h1 className="page-title">No such problem</h1>
      <p className="page-sub">It may have been renamed or unpublished.</p>
      <Link href="/problems" className="btn">
        ← All problems
      </Link>
    </div>
  );
}
