import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDesignSubmission } from "@/lib/design/get-design-submission";
import type { DesignSubmissionView } from "@/lib/design/view-types";
import { AnswerTabs } from "@/components/design/report/AnswerTabs";
import { AnswerView } from "@/components/design/report/AnswerView";
import { DimensionCard } from "@/components/design/report/DimensionCard";
import { ReviewDisplay } from "@/components/design/report/ReviewDisplay";
import { ReviewForm } from "@/components/design/report/ReviewForm";
import { ReviewRequest } from "@/components/design/report/ReviewRequest";
import { ScorePanel } from "@/components/design/report/ScorePanel";
import { SelfRatingForm } from "@/components/design/report/SelfRatingForm";
import { formatUtc } from "@/components/format";
import styles from "@/components/design/report/Report.module.css";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Design report" };

function isHidden(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === "forbidden" || code === "not_found";
}

export default async function DesignReportPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/design/submissions/${id}`)}`);
  let s: DesignSubmissionView;
  try {
    s = await getDesignSubmission({ id, user });
  } catch (e) {
    // Someone else's submission looks exactly like a missing one.
    if (isHidden(e)) notFound();
    throw e;
  }
  const own = s.owner.id === user.id;
  const mentorScores = s.reviews.at(-1)?.scores ?? [];
  const answerTab = { id: "answer", label: own ? "Your answer" : `${s.owner.email}'s answer`, content: <AnswerView answer={s.answer} label={own ? "Your" : "Candidate's"} /> };
  const referenceTab = s.reference ? { id: "reference", label: "Reference answer", content: <AnswerView answer={s.reference} label="Reference" /> } : null;
  const tabs = own ? [referenceTab, answerTab] : [answerTab, referenceTab];

  return (
    <div className={`page ${styles.page}`}>
      <div className={styles.crumbs}>
        {own ? <Link href={`/design/${s.slug}`}>← Back to the workspace</Link> : <Link href="/mentor/reviews">← Pending reviews</Link>}
      </div>
      <header className={styles.head}>
        <h1 className="page-title">
          <span className={styles.headKind}>Design report</span> {s.title}
        </h1>
        <p className={styles.meta}>
          {!own && (
            <>
              <span>by {s.owner.email}</span>
              <span>·</span>
            </>
          )}
          <span title={s.createdAt}>submitted {formatUtc(s.createdAt)}</span>
          <span>·</span>
          <span className="mono">{s.id}</span>
        </p>
      </header>

      <ScorePanel submission={s} />
      <p className={styles.summary} data-testid="report-summary">
        {s.report.summary}
      </p>

      <h2 className={styles.h2}>By rubric dimension</h2>
      <div className={styles.dims}>
        {s.report.dimensions.map((d) => (
          <DimensionCard key={d.id} dim={d} self={s.selfRatings?.[d.id] ?? null} mentor={mentorScores.find((m) => m.dimension === d.id) ?? null} />
        ))}
      </div>
      {s.report.diagramNotes.length > 0 && (
        <div className={`alert alert-warn ${styles.notes}`}>
          <strong>What the grader could not read in the diagram:</strong>
          <ul>
            {s.report.diagramNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}

      <h2 className={styles.h2}>{own ? "Reference answer and yours" : "The answer"}</h2>
      <AnswerTabs tabs={tabs.filter((t) => t !== null)} />

      <div className={styles.human}>
        {s.can.selfRate && (
          <section aria-labelledby="self-head" className={styles.humanCol}>
            <h2 id="self-head" className={styles.h2}>
              Rate yourself
            </h2>
            <p className="muted">Compare your answer with the reference and the rubric, then rate each dimension honestly.</p>
            <SelfRatingForm submission={s} />
          </section>
        )}
        <section aria-labelledby="review-head" className={styles.humanCol}>
          <h2 id="review-head" className={styles.h2}>
            Mentor review
          </h2>
          {s.reviews.length > 0 ? (
            s.reviews.map((r) => <ReviewDisplay key={r.id} review={r} dimensions={s.report.dimensions} />)
          ) : s.can.review ? (
            <ReviewForm submission={s} />
          ) : s.reviewStatus === "requested" ? (
            <p className={styles.pending} data-testid="review-status">
              Review requested {s.reviewRequestedAt ? formatUtc(s.reviewRequestedAt) : ""}: a mentor will score each dimension with comments.
            </p>
          ) : s.can.requestReview ? (
            <>
              <p className="muted">A mentor scores each rubric dimension (strong no … strong yes) and comments on what to practise.</p>
              <ReviewRequest id={s.id} />
            </>
          ) : (
            <p className="muted">No review requested.</p>
          )}
        </section>
      </div>
    </div>
  );
}
