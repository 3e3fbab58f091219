import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listProblems } from "@/lib/problems/list-problems";
import { DEFAULT_GRADING_LIMITS, LANGUAGE_TIME_FACTOR } from "@/graders/limits";
import styles from "./home.module.css";

export default async function HomePage() {
  const user = await getCurrentUser();
  const { problems } = await listProblems({ user, round: "coding" });
  const { problems: hosts } = await listProblems({ user, round: "troubleshooting" });
  const { problems: designs } = await listProblems({ user, round: "design" });
  const solved = problems.filter((p) => p.solved).length;

  return (
    <div className={styles.home}>
      <section className={styles.hero}>
        <p className={styles.kicker}>Production Engineer · SRE interview practice</p>
        <h1 className={styles.title}>
          Practise the loop the way it actually runs.
        </h1>
        <p className={styles.lede}>
          ProdLoop drills the rounds of a Production Engineering / SRE interview loop: coding problems graded
          against hidden tests in a sandbox in well under a second, broken Linux hosts to debug in a real terminal,
          and system designs checked where a program can be honest and reviewed by mentors where it cannot.
        </p>
        <div className={styles.ctas}>
          <Link href="/problems" className="btn btn-primary btn-lg">
            Browse problems
          </Link>
          {user ? (
            <span className={styles.progress}>
              {solved} of {problems.length} solved
            </span>
          ) : (
            <Link href="/signup" className="btn btn-lg">
              Create an account
            </Link>
          )}
        </div>
      </section>

      <section className={styles.rounds} aria-labelledby="rounds-heading">
        <h2 id="rounds-heading" className={styles.sectionTitle}>
          The rounds
        </h2>
        <div className={styles.grid}>
          <article className={`${styles.card} ${styles.cardLive}`}>
            <header className={styles.cardHead}>
              <Link href="/problems?round=coding" className={styles.cardName}>
                Coding
              </Link>
              <span className={styles.live}>available</span>
            </header>
            <p>
              Write a function in JavaScript, TypeScript or Python 3. <strong>Run</strong> it against the examples and
              your own inputs, then <strong>Submit</strong> it against the hidden tests.
            </p>
            <p className={styles.meta}>{countLine(problems)}</p>
          </article>
          <article className={`${styles.card} ${styles.cardLive}`}>
            <header className={styles.cardHead}>
              <Link href="/problems?round=troubleshooting" className={styles.cardName}>
                Troubleshooting
              </Link>
              <span className={styles.live}>available</span>
            </header>
            <p>A simulated broken Debian host in a browser terminal: find the root cause, fix it, have the fix checked, then compare your path with the ideal one.</p>
            <p className={styles.meta}>{countLine(hosts)}</p>
          </article>
          <article className={`${styles.card} ${styles.cardLive}`}>
            <header className={styles.cardHead}>
              <Link href="/problems?round=design" className={styles.cardName}>
                System design
              </Link>
              <span className={styles.live}>available</span>
            </header>
            <p>Design a service under stated load: capacity estimates, failure modes, trade-offs, a diagram.</p>
            <p className={styles.meta}>{countLine(designs)}</p>
          </article>
          <article className={styles.card}>
            <header className={styles.cardHead}>
              <span className={styles.cardName}>Mock interviews</span>
              <span className={styles.soon}>not yet</span>
            </header>
            <p>An interviewer runs a timed loop of rounds with you, watches live and fills a scorecard.</p>
          </article>
        </div>
      </section>

      <section className={styles.how} aria-labelledby="how-heading">
        <h2 id="how-heading" className={styles.sectionTitle}>
          How grading works
        </h2>
        <dl className={styles.facts}>
          <div>
            <dt>Fresh sandbox</dt>
            <dd>Each submission runs in its own V8 isolate, disposed afterwards. No filesystem, network or timers.</dd>
          </div>
          <div>
            <dt>Real limits</dt>
            <dd>
              {DEFAULT_GRADING_LIMITS.cpuMs / 1000} s CPU, {DEFAULT_GRADING_LIMITS.memoryMb} MB memory and{" "}
              {DEFAULT_GRADING_LIMITS.outputKb} KB of console output by default; some problems set their own. Python gets{" "}
              {LANGUAGE_TIME_FACTOR.py}× the time, as CPython runs interview code that much slower than V8.
            </dd>
          </div>
          <div>
            <dt>Honest verdicts</dt>
            <dd>
              Accepted, Wrong Answer, Time Limit, Memory Limit, Runtime, Compile and Output Limit, with the first failing
              example shown in full and hidden tests by number only.
            </dd>
          </div>
          <div>
            <dt>Keyboard first</dt>
            <dd>
              <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd> runs, add <kbd>Shift</kbd> to submit. Drafts save as you
              type.
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}

/** "11 problems · 4 easy · 5 medium · 2 hard" for a round's problem cards. */
function countLine(problems: readonly { difficulty: "easy" | "medium" | "hard" }[]): string {
  const by = { easy: 0, medium: 0, hard: 0 };
  for (const p of problems) by[p.difficulty] += 1;
  return `${problems.length} problems · ${by.easy} easy · ${by.medium} medium · ${by.hard} hard`;
}
