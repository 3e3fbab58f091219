import { spawnSync } from "node:child_process";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { e2eEnv } from "./env.ts";
import { signUp } from "./helpers.ts";

/**
 * The system-design round end to end: a candidate answers a design problem
 * (sections, estimates, two connected boxes on the Excalidraw canvas),
 * submits, reads the report and the reference, rates themselves and asks for
 * a review; a mentor (created with the CLI) reviews it; the candidate reads
 * the review. No request may leave the machine (fonts and assets are local).
 */

const PASSWORD = "correct horse battery";
const SLUG = "metrics-million-hosts";
const TITLE = /metrics collection for a million hosts/i;

function createMentor(email: string): void {
  const r = spawnSync(process.execPath, ["--no-node-snapshot", "cli/prodloop.ts", "user", "create", "--email", email, "--role", "mentor"], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, ...e2eEnv() },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`user create failed (exit ${r.status}): ${r.stderr}`);
}

function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && !["127.0.0.1", "localhost"].includes(url.hostname)) external.push(req.url());
  });
  return external;
}

async function logIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(email)).toBeVisible();
  return page;
}

async function canvasBox(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId("diagram").boundingBox();
  if (!box) throw new Error("the diagram canvas is not on the page");
  return box;
}

/** Draws a rectangle by dragging on the canvas (offsets from its top-left corner), then types its label into it. */
async function drawBox(page: Page, dx: number, dy: number, label: string): Promise<void> {
  const canvas = page.getByTestId("diagram");
  await canvas.getByTestId("toolbar-rectangle").click({ force: true });
  const { x, y } = await canvasBox(page);
  await page.mouse.move(x + dx, y + dy);
  await page.mouse.down();
  await page.mouse.move(x + dx + 160, y + dy + 80, { steps: 8 });
  await page.mouse.up();
  // Enter on a selected shape edits the text bound to it.
  await page.keyboard.press("Enter");
  const editor = canvas.locator("textarea.excalidraw-wysiwyg");
  await expect(editor).toBeVisible();
  await page.keyboard.type(label);
  await page.keyboard.press("Escape");
  await expect(editor).toHaveCount(0);
}

test.use({ viewport: { width: 1440, height: 900 } });

test("a candidate answers a design problem, reads the report, and a mentor reviews it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const candidateEmail = `design-${stamp}@example.com`;
  const mentorEmail = `mentor-${stamp}@example.com`;
  createMentor(mentorEmail);
  const external = watchExternalRequests(page);

  await signUp(page, candidateEmail);
  await page.goto("/problems?round=design");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/design/${SLUG}$`));

  // The brief: prompt, scale, a running timer.
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("hosts");
  const timer = page.getByTestId("timer");
  await expect(timer).toContainText(/\d+:\d\d/);
  const first = await timer.innerText();
  await expect.poll(() => timer.innerText()).not.toBe(first);

  // Sections, with a live Markdown preview.
  await page.getByLabel("Functional", { exact: true }).fill("- Collect **1000 series** from every host every 10 s\n- Dashboards and alerts");
  await expect(page.getByLabel("Functional preview", { exact: true })).toContainText("Collect 1000 series");
  await expect(page.getByLabel("Functional preview", { exact: true }).locator("strong")).toHaveText("1000 series");
  await page.getByLabel("Non-functional", { exact: true }).fill("- Freshness: 60 s at p99\n- Availability: 99.9 % of queries\n- Retention: 30 days raw");
  await page.getByLabel("Failure modes and mitigations", { exact: true }).fill(
    "- Ingester crash → Kafka keeps 24 h of data, replay on restart\n- Zone loss → 3 replicas across zones, reads fail over in 30 s\n- Cardinality explosion → per-tenant limit of 5M series, drop and alert",
  );
  await page.getByLabel("Operations (SLOs, metrics, alerts, rollout)", { exact: true }).fill(
    "- SLO: 99.9 % availability of queries, freshness p99 < 60 s\n- Metrics: ingest_lag_seconds, samples_dropped_total\n- Alert: ingest lag > 120 s for 5 min pages on-call",
  );

  // Estimates: a value with a unit and the inputs behind it; the parse shows as you type.
  await page.getByLabel("Ingest sample rate value").fill("100M/s");
  await expect(page.getByTestId("estimate-sample-rate")).toContainText("= 100 M/s");
  await page.getByLabel("Ingest sample rate input hosts value").fill("1000000 hosts");
  await page.getByLabel("Ingest sample rate input series per host value").fill("1000 series");
  await page.getByLabel("Ingest sample rate input collection interval value").fill("10 s");

  // The diagram: two labelled boxes and an arrow from one into the other.
  const diagram = page.getByTestId("diagram");
  await page.getByRole("navigation", { name: "Answer sections" }).getByRole("link", { name: "High-level + diagram" }).click();
  await expect(diagram.getByTestId("toolbar-rectangle")).toBeVisible();
  // Right of the shape-properties panel Excalidraw opens on the left.
  await drawBox(page, 280, 200, "Load balancer");
  await drawBox(page, 640, 200, "Ingest service");
  await diagram.getByTestId("toolbar-arrow").click({ force: true });
  const { x, y } = await canvasBox(page);
  // From just inside one box's edge to just inside the other's: both ends bind.
  await page.mouse.move(x + 436, y + 240);
  await page.mouse.down();
  await page.mouse.move(x + 644, y + 240, { steps: 12 });
  await page.mouse.up();
  await page.keyboard.press("Escape");

  // Autosave: the draft holds the scene, bound both ways.
  await expect(page.getByTestId("save-state")).toHaveText(/Saved/);
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/design/problems/${SLUG}/draft`);
      const elements: { type: string; text?: string; startBinding?: unknown; endBinding?: unknown }[] = (await res.json()).draft?.answer.diagram.elements ?? [];
      const arrow = elements.find((e) => e.type === "arrow");
      return {
        rectangles: elements.filter((e) => e.type === "rectangle").length,
        labels: elements.filter((e) => e.type === "text").map((e) => e.text).sort(),
        arrowBound: Boolean(arrow?.startBinding && arrow?.endBinding),
      };
    })
    .toEqual({ rectangles: 2, labels: ["Ingest service", "Load balancer"], arrowBound: true });

  // Submit and read the report.
  await page.getByRole("button", { name: "Submit design" }).first().click();
  await expect(page).toHaveURL(/\/design\/submissions\/[a-z0-9]+$/);
  const submissionUrl = page.url();
  await expect(page.getByTestId("objective-score")).toContainText(/\/ 40/);
  await expect(page.getByTestId("report-summary")).toContainText("Objective part (checked by the program)");
  await expect(page.getByTestId("human-score")).toContainText("Human part");
  await expect(page.getByTestId("dimension")).toHaveCount(6);
  await expect(page.getByTestId("check").filter({ hasText: "Estimate: Ingest sample rate" })).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("check").filter({ hasText: "Estimate: Ingest bandwidth" })).toHaveAttribute("data-status", "fail");
  await expect(page.getByTestId("check").filter({ hasText: "Estimate: Ingest bandwidth" })).toContainText("No value given");

  // The reference answer and its diagram, then the candidate's own.
  await expect(page.getByRole("tab", { name: "Reference answer" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("answer-diagram").locator("canvas").first()).toBeVisible();
  await expect(page.getByRole("tabpanel")).toContainText("Sample rate");
  await page.getByRole("tab", { name: "Your answer" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("Cardinality explosion");
  await expect(page.getByTestId("answer-diagram").locator("canvas").first()).toBeVisible();

  // Self-rating on every dimension, then a review request.
  const selfForm = page.getByRole("form", { name: "Rate yourself" });
  for (const group of await selfForm.getByRole("radiogroup").all()) await group.getByRole("radio", { name: "Yes", exact: true }).check();
  await selfForm.getByRole("button", { name: "Save self-rating" }).click();
  await expect(selfForm.getByText("Saved")).toBeVisible();
  await expect(page.getByTestId("human-score")).toContainText("From your self-rating");
  await page.getByRole("button", { name: "Request mentor review" }).click();
  await expect(page.getByTestId("review-status")).toContainText("Review requested");

  // The mentor's queue, the whole answer, a score and comment per dimension.
  const mentor = await logIn(browser, mentorEmail);
  const mentorExternal = watchExternalRequests(mentor);
  await mentor.getByRole("link", { name: "Reviews" }).click();
  const row = mentor.getByTestId("pending-review").filter({ hasText: candidateEmail });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: "Review" }).click();
  await expect(mentor).toHaveURL(submissionUrl);
  await expect(mentor.getByRole("tab", { name: `${candidateEmail}'s answer` })).toHaveAttribute("aria-selected", "true");
  await expect(mentor.getByTestId("answer-diagram").locator("canvas").first()).toBeVisible();
  await expect(mentor.getByRole("tabpanel")).toContainText("Cardinality explosion");
  const reviewForm = mentor.getByRole("form", { name: "Mentor review" });
  const groups = await reviewForm.getByRole("radiogroup").all();
  expect(groups).toHaveLength(6);
  for (const group of groups) await group.getByRole("radio", { name: "Strong yes" }).check();
  await reviewForm.getByLabel("Capacity estimation comment").fill("Good chain from the scale to the sample rate; finish the other three.");
  await reviewForm.getByLabel("Summary").fill("Clear structure, estimates need finishing.");
  await reviewForm.getByRole("button", { name: "Submit review" }).click();
  await expect(mentor.getByTestId("mentor-review")).toContainText("Clear structure, estimates need finishing.");
  await mentor.goto("/mentor/reviews");
  await expect(mentor.getByTestId("pending-review").filter({ hasText: candidateEmail })).toHaveCount(0);

  // The candidate sees the review on their submission.
  await page.reload();
  const review = page.getByTestId("mentor-review");
  await expect(review).toContainText(mentorEmail);
  await expect(review).toContainText("Good chain from the scale to the sample rate");
  await expect(review).toContainText("Strong yes");
  await expect(page.getByTestId("human-score")).toContainText("From the mentor's review");

  expect(external).toEqual([]);
  expect(mentorExternal).toEqual([]);
});
