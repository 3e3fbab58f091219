import type { SectionName } from "@/graders/design/answer-schema";

/** Placeholder text per section: what a strong answer puts there, never the answer itself. */
export const SECTION_GUIDES: Record<Exclude<SectionName, "requirements">, string> = {
  estimates: "Show your working: the chain from the scale to each number, the assumptions (sizes, compression, replication, headroom), and what the numbers decide.",
  api: "Endpoints or RPCs: method, path, request, response, error codes, idempotency, rate limits.",
  dataModel: "Entities, keys and partitioning, what is stored where, retention, and the access patterns it serves.",
  highLevel: "Walk through the diagram: the components, the write path and the read path.",
  deepDives: "Pick the hardest parts and go deep: algorithms, consistency, hot spots, scaling limits.",
  failureModes: "- <what fails> → how you detect it → mitigation (with numbers)\n- …",
  operations: "SLOs with numbers (availability, latency, freshness), named metrics, alerts with thresholds, rollout and rollback.",
  tradeoffs: "Choices you made, the alternatives, and why: cost, latency, consistency, complexity.",
};

export const REQUIREMENTS_GUIDES = {
  functional: "- What the system must do, for whom\n- …",
  nonFunctional: "- Scale, latency, availability, durability, freshness — with numbers and units (99.99 %, p99 < 200 ms)\n- …",
};
