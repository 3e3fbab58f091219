/** One line describing a sandbox outcome that was not a value, for error messages. */
import type { CallOutcome, StartOutcome } from "../sandbox/session.ts";

export function describeOutcome(o: CallOutcome | StartOutcome): string {
  switch (o.kind) {
    case "ok":
      return "returned a value";
    case "ready":
      return "started";
    case "compile":
      return `compile error: ${o.message}`;
    case "error":
      return o.stack || o.message;
    case "limit":
      return `${o.verdict}: ${o.message}`;
  }
}
