import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSubmission } from "@/lib/submissions/get-submission";
import { getProblem } from "@/lib/problems/get-problem";
import type { ProblemView, SubmissionView } from "@/lib/view-types";
import { VERDICT_LABELS } from "@/graders/coding/verdicts";
import { CodeView } from "@/components/CodeView";
import { SubmitResult } from "@/components/workspace/ResultPanel";
import { DifficultyBadge } from "@/components/badges";
import { formatUtc, LANG_LABELS } from "@/components/format";
import { isNotFound } from "@/components/not-found-error";
import styles from "./submission.module.css";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Submission" };

function isForbidden(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === "forbidden" || code === "not_found";
}

export default async function SubmissionPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/submissions/${id}`)}`);

  let submission: SubmissionView;
  try {
    submission = await getSubmission({ id, user });
  } catch (e) {
    // Someone else's submission looks exactly like a missing one.
    if (isForbidden(e)) notFound();
    throw e;
  }
  let problem: ProblemView | null = null;
  try {
    problem = await getProblem({ slug: submission.slug, user });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }

  return (
    <div className={`page ${styles.page}`}>
      <div className={styles.crumbs}>
        <Link href={`/problems/${submission.slug}`}>← Back to {problem ? problem.title : submission.slug}</Link>
      </div>
      <header className={styles.head}>
        <div>
          <h1 className="page-title">
            {VERDICT_LABELS[submission.verdict]} <span className={styles.on}>on</span> {problem ? problem.title : submission.slug}
          </h1>
          <p className={styles.meta}>
            {problem && <DifficultyBadge difficulty={problem.difficulty} />}
            <span>{LANG_LABELS[submission.lang]}</span>
            <span>·</span>
            <span title={submission.createdAt}>submitted {formatUtc(submission.createdAt)}</span>
            <span>·</span>
            <span className="mono">{submission.id}</span>
          </p>
        </div>
      </header>
      <div className={styles.grid}>
        <section aria-label="Code" className={styles.codeCol}>
          <h2 className={styles.sectionHead}>Code</h2>
          <CodeView code={submission.code} label={`Submitted ${LANG_LABELS[submission.lang]} code`} />
        </section>
        <section aria-label="Result" className={styles.resultCol} data-testid="result">
          <h2 className={styles.sectionHead}>Result</h2>
          <div className={styles.resultBox}>
            <SubmitResult submission={submission} params={problem?.params ?? []} />
          </div>
        </section>
      </div>
    </div>
  );
}
