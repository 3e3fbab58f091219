/** Why a sandbox stopped a submission: the limit verdict and the message shown to the candidate. */
export type LimitVerdict = "time_limit" | "memory_limit" | "output_limit";

export class Stopped extends Error {
  readonly verdict: LimitVerdict;
  constructor(verdict: LimitVerdict, message: string) {
    super(message);
    this.verdict = verdict;
  }
}
