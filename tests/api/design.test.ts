import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";

// The real problem folders: the design round's problems are its fixtures.
const PROBLEMS = path.join(process.cwd(), "problems");
useTestDatabase({ problemsDir: PROBLEMS });

const SLUG = "metrics-million-hosts";
const problemDir = path.join(PROBLEMS, "design", SLUG);
const meta = JSON.parse(readFileSync(path.join(problemDir, "problem.json"), "utf8"));
const reference = JSON.parse(readFileSync(path.join(problemDir, "reference", "answer.json"), "utf8"));
const weak = JSON.parse(readFileSync(path.join(problemDir, "weak", "buzzwords.json"), "utf8"));
const dimensionIds: string[] = meta.rubric.map((r: { id: string }) => r.id);

const { POST: signup } = await import("../../app/api/auth/signup/route.ts");
const { POST: login } = await import("../../app/api/auth/login/route.ts");
const { GET: listProblems } = await import("../../app/api/problems/route.ts");
const { GET: getProblem } = await import("../../app/api/design/problems/[slug]/route.ts");
const { GET: getDraft, PUT: putDraft } = await import("../../app/api/design/problems/[slug]/draft/route.ts");
const { POST: submit } = await import("../../app/api/design/problems/[slug]/submit/route.ts");
const { GET: listMine } = await import("../../app/api/design/problems/[slug]/submissions/route.ts");
const { GET: getSubmission } = await import("../../app/api/design/submissions/[id]/route.ts");
const { PUT: selfRate } = await import("../../app/api/design/submissions/[id]/self-rating/route.ts");
const { POST: requestReview } = await import("../../app/api/design/submissions/[id]/review-request/route.ts");
const { POST: review } = await import("../../app/api/design/submissions/[id]/review/route.ts");
const { GET: pending } = await import("../../app/api/design/reviews/route.ts");

async function newUser(): Promise<string> {
  return sessionCookieOf(await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail(), password: PASSWORD } }));
}

async function newMentor(): Promise<string> {
  const { getDb } = await import("../../lib/db/client.ts");
  const { insertUser, prepareUser } = await import("../../lib/users/create-user.ts");
  const email = uniqueEmail("mentor");
  const prepared = await prepareUser({ email, password: PASSWORD, role: "mentor" });
  await getDb().$transaction((tx) => insertUser(tx, prepared));
  return sessionCookieOf(await call(login, { method: "POST", url: "/api/auth/login", body: { email, password: PASSWORD } }));
}

const params = { slug: SLUG };

async function submitAnswer(cookie: string, answer: unknown) {
  return call(submit, { method: "POST", url: `/api/design/problems/${SLUG}/submit`, cookie, params, body: { answer } });
}

function allScores(score: string) {
  return Object.fromEntries(dimensionIds.map((d) => [d, { score, comment: `comment on ${d}` }]));
}

describe("design problems", () => {
  it("appear in the problem list under round=design", async () => {
    const res = await call(listProblems, { url: "/api/problems?round=design" });
    expect(res.status).toBe(200);
    const slugs = res.json.problems.map((p: { slug: string }) => p.slug);
    expect(slugs).toContain(SLUG);
    expect(res.json.problems.every((p: { round: string }) => p.round === "design")).toBe(true);
    const all = await call(listProblems, { url: "/api/problems" });
    expect(all.json.problems.some((p: { round: string }) => p.round === "coding")).toBe(true);
    expect(all.json.problems.some((p: { round: string }) => p.round === "design")).toBe(true);
  });

  it("shows prompt, scale, time box, sections, asked estimates and rubric, but no reference values", async () => {
    const res = await call(getProblem, { url: `/api/design/problems/${SLUG}`, params });
    expect(res.status).toBe(200);
    const p = res.json.problem;
    expect(p).toMatchObject({ slug: SLUG, round: "design", title: meta.title, timeboxMinutes: meta.timeboxMinutes });
    expect(p.promptHtml).toContain("<p>");
    expect(p.scale.length).toBeGreaterThan(0);
    expect(p.sections.map((s: { name: string }) => s.name)).toEqual(["requirements", "estimates", "api", "dataModel", "highLevel", "deepDives", "failureModes", "operations", "tradeoffs"]);
    expect(p.estimates[0]).toEqual({ id: meta.estimates[0].id, name: meta.estimates[0].name, ask: meta.estimates[0].ask, inputs: expect.any(Array) });
    expect(p.rubric.map((r: { id: string }) => r.id)).toEqual(dimensionIds);
    // Nothing that gives the answer away.
    for (const e of meta.estimates) expect(res.text).not.toContain(`"${e.reference}"`);
    expect(res.text).not.toContain("formula");
    expect(res.text).not.toContain(meta.rubric[0].strong);
    expect(res.text).not.toContain(reference.sections.requirements.slice(0, 60));

    const missing = await call(getProblem, { url: "/api/design/problems/nope", params: { slug: "nope" } });
    expect(missing.status).toBe(404);
  });
});

describe("design drafts", () => {
  it("autosaves and reads back the answer, privately", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const none = await call(getDraft, { url: `/api/design/problems/${SLUG}/draft`, cookie: alice, params });
    expect(none.json).toEqual({ draft: null });

    const answer = { sections: { requirements: "- 1M hosts" }, estimates: [{ name: "Ingest sample rate", value: "100M/s" }] };
    const saved = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie: alice, params, body: { answer } });
    expect(saved.status).toBe(200);
    expect(saved.json.draft.answer.sections.requirements).toBe("- 1M hosts");
    expect(saved.json.draft.answer.sections.api).toBe("");
    expect(saved.json.draft.startedAt).toEqual(expect.any(String));

    const again = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie: alice, params, body: { answer: { sections: { requirements: "- 2M hosts" } } } });
    expect(again.json.draft.startedAt).toBe(saved.json.draft.startedAt);
    const read = await call(getDraft, { url: `/api/design/problems/${SLUG}/draft`, cookie: alice, params });
    expect(read.json.draft.answer.sections.requirements).toBe("- 2M hosts");

    const other = await call(getDraft, { url: `/api/design/problems/${SLUG}/draft`, cookie: bob, params });
    expect(other.json).toEqual({ draft: null });
  });

  it("needs a session and names bad fields", async () => {
    const anon = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, params, body: { answer: {} } });
    expect(anon.status).toBe(401);

    const cookie = await newUser();
    const badSection = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie, params, body: { answer: { sections: { api: 42 } } } });
    expect(badSection.status).toBe(400);
    expect(badSection.json.error.issues[0].path).toBe("answer.sections.api");
    expect(badSection.json.error.message).toContain("answer.sections.api");

    const unknownSection = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie, params, body: { answer: { sections: { poetry: "x" } } } });
    expect(unknownSection.status).toBe(400);
    expect(unknownSection.json.error.issues[0].path).toMatch(/^answer\.sections/);

    const badEstimate = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie, params, body: { answer: { estimates: [{ value: "3k/s" }] } } });
    expect(badEstimate.status).toBe(400);
    expect(badEstimate.json.error.issues[0].path).toBe("answer.estimates.0.name");

    const noAnswer = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie, params, body: {} });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.json.error.issues[0].path).toBe("answer");

    const malformed = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie, params, rawBody: "{not json" });
    expect(malformed.status).toBe(400);

    const tooBig = await call(putDraft, { method: "PUT", url: `/api/design/problems/${SLUG}/draft`, cookie, params, body: { answer: { sections: { api: "x".repeat(5 * 1024 * 1024) } } } });
    expect(tooBig.status).toBe(413);

    // Nothing stored by the rejected saves.
    const read = await call(getDraft, { url: `/api/design/problems/${SLUG}/draft`, cookie, params });
    expect(read.json).toEqual({ draft: null });
  });
});

describe("design submissions", () => {
  it("grades the reference answer to the full objective score and shows the reference afterwards", async () => {
    const cookie = await newUser();
    const res = await submitAnswer(cookie, reference);
    expect(res.status).toBe(200);
    const s = res.json.submission;
    expect(s.objectiveMax).toBe(meta.scoring.objective);
    expect(s.objectivePoints).toBe(meta.scoring.objective);
    expect(s.objectiveMax * 2).toBeLessThanOrEqual(s.report.total);
    expect(s.report.human.max).toBe(meta.scoring.total - meta.scoring.objective);
    expect(s.report.dimensions.map((d: { id: string }) => d.id)).toEqual(dimensionIds);
    expect(s.report.summary).toMatch(/Objective part/);
    expect(s.reviewStatus).toBe("none");
    expect(s.reference.sections.requirements).toBe(reference.sections.requirements);
    expect(s.reference.diagram.elements.length).toBeGreaterThan(0);
    expect(s.can).toEqual({ selfRate: true, requestReview: true, review: false });

    const mine = await call(listMine, { url: `/api/design/problems/${SLUG}/submissions`, cookie, params });
    expect(mine.json.submissions).toEqual([expect.objectContaining({ id: s.id, objectivePoints: meta.scoring.objective })]);

    // Submitting updates the draft to what was submitted.
    const draft = await call(getDraft, { url: `/api/design/problems/${SLUG}/draft`, cookie, params });
    expect(draft.json.draft.answer.sections.api).toBe(reference.sections.api);

    const listed = await call(listProblems, { url: "/api/problems?round=design&status=solved", cookie });
    expect(listed.json.problems.map((p: { slug: string }) => p.slug)).toEqual([SLUG]);
  });

  it("scores a known-weak answer in its stated range, with failed checks that teach", async () => {
    const cookie = await newUser();
    const res = await submitAnswer(cookie, weak.answer);
    expect(res.status).toBe(200);
    const { objectivePoints, report } = res.json.submission;
    expect(objectivePoints).toBeGreaterThanOrEqual(weak.expectObjective.min);
    expect(objectivePoints).toBeLessThanOrEqual(weak.expectObjective.max);
    const failed = report.dimensions.flatMap((d: { checks: { status: string; id: string; message: string }[] }) => d.checks).filter((c: { status: string }) => c.status === "fail");
    expect(failed.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(weak.mustFail));
    // Hints never print a reference estimate.
    for (const e of meta.estimates) for (const c of failed) expect(c.message).not.toContain(e.reference);
  });

  it("rejects a bad answer naming the field and stores nothing", async () => {
    const cookie = await newUser();
    const bad = await submitAnswer(cookie, { diagram: { elements: [{ type: "rectangle" }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("answer.diagram.elements.0.id");
    const mine = await call(listMine, { url: `/api/design/problems/${SLUG}/submissions`, cookie, params });
    expect(mine.json.submissions).toEqual([]);
    const anon = await submitAnswer("", reference);
    expect(anon.status).toBe(401);
  });

  it("keeps a submission to its owner, mentors and admins", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const mentor = await newMentor();
    const id = (await submitAnswer(owner, weak.answer)).json.submission.id;
    const url = `/api/design/submissions/${id}`;
    expect((await call(getSubmission, { url, params: { id } })).status).toBe(401);
    expect((await call(getSubmission, { url, cookie: stranger, params: { id } })).status).toBe(403);
    const asMentor = await call(getSubmission, { url, cookie: mentor, params: { id } });
    expect(asMentor.status).toBe(200);
    expect(asMentor.json.submission.can).toEqual({ selfRate: false, requestReview: false, review: false });
    expect((await call(getSubmission, { url: "/api/design/submissions/nope", cookie: owner, params: { id: "nope" } })).status).toBe(404);
  });
});

describe("self-rating and mentor review", () => {
  it("runs the whole round trip: self-rate, request, queue, review, candidate reads it", async () => {
    const candidate = await newUser();
    const mentor = await newMentor();
    const other = await newUser();
    const id = (await submitAnswer(candidate, reference)).json.submission.id;
    const sub = (suffix = "") => `/api/design/submissions/${id}${suffix}`;

    // Self-rating: every dimension, only known ones, only the owner.
    const ratings = Object.fromEntries(dimensionIds.map((d) => [d, "yes"]));
    const partial = await call(selfRate, { method: "PUT", url: sub("/self-rating"), cookie: candidate, params: { id }, body: { ratings: { [dimensionIds[0]!]: "yes" } } });
    expect(partial.status).toBe(400);
    expect(partial.json.error.issues[0].path).toBe(`ratings.${dimensionIds[1]}`);
    const unknownDim = await call(selfRate, { method: "PUT", url: sub("/self-rating"), cookie: candidate, params: { id }, body: { ratings: { ...ratings, charisma: "yes" } } });
    expect(unknownDim.status).toBe(400);
    expect(unknownDim.json.error.issues[0].path).toBe("ratings.charisma");
    const badValue = await call(selfRate, { method: "PUT", url: sub("/self-rating"), cookie: candidate, params: { id }, body: { ratings: { ...ratings, [dimensionIds[0]!]: "maybe" } } });
    expect(badValue.status).toBe(400);
    expect(badValue.json.error.issues[0].path).toBe(`ratings.${dimensionIds[0]}`);
    expect((await call(selfRate, { method: "PUT", url: sub("/self-rating"), cookie: other, params: { id }, body: { ratings } })).status).toBe(403);
    const rated = await call(selfRate, { method: "PUT", url: sub("/self-rating"), cookie: candidate, params: { id }, body: { ratings } });
    expect(rated.status).toBe(200);
    expect(rated.json.submission.selfRatings).toEqual(ratings);

    // Reviewing before a request is a conflict; candidates cannot see the queue.
    expect((await call(review, { method: "POST", url: sub("/review"), cookie: mentor, params: { id }, body: { scores: allScores("yes") } })).status).toBe(409);
    expect((await call(pending, { url: "/api/design/reviews", cookie: candidate })).status).toBe(403);
    expect((await call(requestReview, { method: "POST", url: sub("/review-request"), cookie: other, params: { id } })).status).toBe(403);

    const requested = await call(requestReview, { method: "POST", url: sub("/review-request"), cookie: candidate, params: { id } });
    expect(requested.status).toBe(200);
    expect(requested.json.submission.reviewStatus).toBe("requested");
    expect(requested.json.submission.can.requestReview).toBe(false);

    const queue = await call(pending, { url: "/api/design/reviews", cookie: mentor });
    expect(queue.status).toBe(200);
    expect(queue.json.reviews).toEqual(expect.arrayContaining([expect.objectContaining({ id, slug: SLUG, title: meta.title, objectivePoints: meta.scoring.objective })]));

    const asMentor = await call(getSubmission, { url: sub(), cookie: mentor, params: { id } });
    expect(asMentor.json.submission.can.review).toBe(true);
    expect(asMentor.json.submission.answer.diagram.elements.length).toBeGreaterThan(0);

    // Reviews must score every dimension with a valid score.
    const missing = await call(review, { method: "POST", url: sub("/review"), cookie: mentor, params: { id }, body: { scores: { [dimensionIds[0]!]: { score: "yes" } } } });
    expect(missing.status).toBe(400);
    const badScore = await call(review, { method: "POST", url: sub("/review"), cookie: mentor, params: { id }, body: { scores: { ...allScores("yes"), [dimensionIds[0]!]: { score: "meh" } } } });
    expect(badScore.status).toBe(400);
    expect(badScore.json.error.issues[0].path).toBe(`scores.${dimensionIds[0]}.score`);
    expect((await call(review, { method: "POST", url: sub("/review"), cookie: other, params: { id }, body: { scores: allScores("yes") } })).status).toBe(403);

    const done = await call(review, { method: "POST", url: sub("/review"), cookie: mentor, params: { id }, body: { scores: allScores("strong_yes"), summary: "Solid." } });
    expect(done.status).toBe(200);
    expect(done.json.submission.reviewStatus).toBe("reviewed");

    const again = await call(review, { method: "POST", url: sub("/review"), cookie: mentor, params: { id }, body: { scores: allScores("no") } });
    expect(again.status).toBe(409);
    const queueAfter = await call(pending, { url: "/api/design/reviews", cookie: mentor });
    expect(queueAfter.json.reviews.map((r: { id: string }) => r.id)).not.toContain(id);

    const seen = await call(getSubmission, { url: sub(), cookie: candidate, params: { id } });
    const [r] = seen.json.submission.reviews;
    expect(seen.json.submission.reviews).toHaveLength(1);
    expect(r.summary).toBe("Solid.");
    expect(r.mentorEmail).toMatch(/^mentor-/);
    expect(r.scores.map((x: { dimension: string }) => x.dimension)).toEqual(dimensionIds);
    expect(r.scores[0]).toEqual({ dimension: dimensionIds[0], score: "strong_yes", comment: `comment on ${dimensionIds[0]}` });
    expect((await call(requestReview, { method: "POST", url: sub("/review-request"), cookie: candidate, params: { id } })).status).toBe(409);
  });

  it("does not let a mentor review their own submission", async () => {
    const mentor = await newMentor();
    const id = (await submitAnswer(mentor, reference)).json.submission.id;
    await call(requestReview, { method: "POST", url: `/api/design/submissions/${id}/review-request`, cookie: mentor, params: { id } });
    const queue = await call(pending, { url: "/api/design/reviews", cookie: mentor });
    expect(queue.json.reviews.map((r: { id: string }) => r.id)).not.toContain(id);
    const own = await call(review, { method: "POST", url: `/api/design/submissions/${id}/review`, cookie: mentor, params: { id }, body: { scores: allScores("strong_yes") } });
    expect(own.status).toBe(403);
  });
});
