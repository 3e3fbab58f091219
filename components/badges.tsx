import type { Difficulty } from "@/graders/coding/types";
import { VERDICT_LABELS, type Verdict } from "@/graders/coding/verdicts";

const DIFFICULTY_LABELS: Record<Difficulty, string> = { easy: "Easy", medium: "Medium", hard: "Hard" };

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return <span className={`badge diff-${difficulty}`}>{DIFFICULTY_LABELS[difficulty] ?? difficulty}</span>;
}

/** Verdict label in its colour (accepted green, wrong/error red, limits amber). */
export function VerdictText({ verdict, className, testId }: { verdict: Verdict; className?: string; testId?: string }) {
  return (
    <span className={`v-${verdict}${className ? ` ${className}` : ""}`} data-testid={testId}>
      {VERDICT_LABELS[verdict] ?? verdict}
    </span>
  );
}

export { DIFFICULTY_LABELS };
