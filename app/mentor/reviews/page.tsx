import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listPendingReviews } from "@/lib/design/list-pending-reviews";
import { formatUtc, timeAgo } from "@/components/format";
import styles from "./reviews.module.css";

export const metadata: Metadata = { title: "Pending reviews" };

export default async function PendingReviewsPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent("/mentor/reviews")}`);
  if (!can(user, "design.review")) {
    return (
      <div className="page">
        <h1 className="page-title">Pending reviews</h1>
        <p className="alert alert-info">Reviews are for mentors. Ask an admin for the mentor role.</p>
      </div>
    );
  }
  const reviews = await listPendingReviews({ user });
  return (
    <div className="page">
      <h1 className="page-title">Pending reviews</h1>
      <p className="page-sub">Design submissions whose candidates asked for a mentor review, oldest request first.</p>
      {reviews.length === 0 ? (
        <p className={styles.empty}>Nothing waiting. New requests appear here.</p>
      ) : (
        <div className={styles.wrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Problem</th>
                <th scope="col">Candidate</th>
                <th scope="col">Objective</th>
                <th scope="col">Requested</th>
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} data-testid="pending-review">
                  <td>
                    <Link href={`/design/submissions/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>{r.candidateEmail}</td>
                  <td className="mono">
                    {r.objectivePoints}/{r.objectiveMax}
                  </td>
                  <td title={formatUtc(r.reviewRequestedAt)}>{timeAgo(r.reviewRequestedAt)}</td>
                  <td className={styles.open}>
                    <Link href={`/design/submissions/${r.id}`} className="btn btn-sm">
                      Review
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
