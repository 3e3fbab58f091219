import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listProblems } from "@/lib/problems/list-problems";
import type { Difficulty } from "@/graders/coding/types";
import type { Round } from "@/lib/view-types";
import { DifficultyBadge } from "@/components/badges";
import { AutoSubmitForm } from "@/components/AutoSubmitForm";
import styles from "./problems.module.css";

export const metadata: Metadata = { title: "Problems" };

type Search = Record<string, string | string[] | undefined>;

const ROUNDS: { value: Round; label: string }[] = [
  { value: "coding", label: "Coding" },
  { value: "troubleshooting", label: "Troubleshooting" },
  { value: "design", label: "System design" },
];
const DIFFICULTIES: { value: Difficulty; label: string }[] = [
  { value: "easy", label: "Easy" },
  { value: "medium", label: "Medium" },
  { value: "hard", label: "Hard" },
];
type Status = "solved" | "unsolved";

function one(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

function pick<T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined {
  return v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const user = await getCurrentUser();
  const round = pick(one(sp.round), ROUNDS.map((r) => r.value));
  const difficulty = pick(one(sp.difficulty), DIFFICULTIES.map((d) => d.value));
  const rawTopic = one(sp.topic);
  const topic = rawTopic && rawTopic.length <= 64 ? rawTopic : undefined;
  const status = user ? pick<Status>(one(sp.status), ["solved", "unsolved"]) : undefined;

  const { problems, topics } = await listProblems({ user, round, difficulty, topic, status });
  const filtered = Boolean(round || difficulty || topic || status);
  const solvedCount = problems.filter((p) => p.solved).length;

  const hrefWith = (patch: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { round, difficulty, topic, status, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/problems?${s}` : "/problems";
  };

  return (
    <div className="page">
      <div className={styles.head}>
        <div>
          <h1 className="page-title">Problems</h1>
          <p className={styles.count}>
            {problems.length} {problems.length === 1 ? "problem" : "problems"}
            {filtered ? " match" : ""}
            {user ? ` · ${solvedCount} solved` : ""}
          </p>
        </div>
      </div>

      <AutoSubmitForm className={styles.filters} action="/problems" aria-label="Filter problems">
        <label className={styles.filter}>
          <span>Round</span>
          <select name="round" className="select" defaultValue={round ?? ""}>
            <option value="">All rounds</option>
            {ROUNDS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>Difficulty</span>
          <select name="difficulty" className="select" defaultValue={difficulty ?? ""}>
            <option value="">Any difficulty</option>
            {DIFFICULTIES.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>Topic</span>
          <select name="topic" className="select" defaultValue={topic ?? ""}>
            <option value="">Any topic</option>
            {topic && !topics.includes(topic) && <option value={topic}>{topic}</option>}
            {topics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>Status</span>
          <select name="status" className="select" defaultValue={status ?? ""} disabled={!user} title={user ? undefined : "Sign in to track solved problems"}>
            <option value="">Solved or not</option>
            <option value="solved">Solved</option>
            <option value="unsolved">Unsolved</option>
          </select>
        </label>
        <button type="submit" className="btn" data-noscript-submit>
          Apply
        </button>
        {filtered && (
          <Link href="/problems" className={`btn btn-ghost ${styles.clear}`}>
            Clear filters
          </Link>
        )}
      </AutoSubmitForm>

      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.colStatus} scope="col">
                <span className="sr-only">Solved</span>
              </th>
              <th scope="col">Title</th>
              <th className={styles.colDiff} scope="col">
                Difficulty
              </th>
              <th scope="col">Topics</th>
              <th className={styles.colRound} scope="col">
                Round
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={p.slug}>
                <td className={styles.colStatus}>
                  {p.solved ? (
                    <span className={styles.solved} title={p.round === "design" ? "Submitted" : "Solved"} aria-label={p.round === "design" ? "Submitted" : "Solved"}>
                      ✓
                    </span>
                  ) : null}
                </td>
                <td>
                  <Link href={p.round === "design" ? `/design/${p.slug}` : p.round === "troubleshooting" ? `/troubleshoot/${p.slug}` : `/problems/${p.slug}`} className={styles.title}>
                    {p.title}
                  </Link>
                </td>
                <td className={styles.colDiff}>
                  <DifficultyBadge difficulty={p.difficulty} />
                </td>
                <td>
                  <span className={styles.chips}>
                    {p.topics.map((t) => (
                      <Link key={t} href={hrefWith({ topic: t })} className={`chip${t === topic ? ` ${styles.chipOn}` : ""}`}>
                        {t}
                      </Link>
                    ))}
                  </span>
                </td>
                <td className={`${styles.colRound} muted`}>{p.round}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {problems.length === 0 && (
          <div className={styles.empty}>
            <p>No problems match these filters.</p>
            <Link href="/problems">Show all problems</Link>
          </div>
        )}
      </div>
      {!user && (
        <p className={styles.signinNote}>
          <Link href="/signup">Create an account</Link> or <Link href="/login?next=/problems">sign in</Link> to track which
          problems you have solved.
        </p>
      )}
    </div>
  );
}
