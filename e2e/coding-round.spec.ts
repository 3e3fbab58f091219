import { test, expect } from "@playwright/test";
import { editorCode, setEditorCode, signUp } from "./helpers.ts";

/**
 * The coding round as a candidate lives it: sign up, find a problem, submit a
 * wrong answer, then a right one, reload, and read the history.
 */

const WRONG = `function mergeWindows(windows) {
  const sorted = windows.slice().sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    // Bug on purpose: touching windows ([1,3] and [3,5]) are left apart.
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
`;

const RIGHT = `function mergeWindows(windows) {
  const sorted = windows.slice().sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  console.log("merged", out.length);
  return out;
}
`;

test("a candidate signs up, fails, then solves a problem and reads the history", async ({ page }) => {
  const email = `cand-${Date.now()}@example.com`;
  await signUp(page, email);

  await page.goto("/problems");
  await page.getByRole("link", { name: /merge maintenance windows/i }).click();
  await expect(page).toHaveURL(/\/problems\/merge-maintenance-windows$/);
  await expect(page.getByTestId("editor")).toBeVisible();

  // Run the visible examples with the wrong answer: per-example detail is shown.
  await setEditorCode(page, WRONG);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const result = page.getByTestId("result");
  await expect(result).toContainText(/Expected/i);
  await expect(result).toContainText(/Input/i);

  // Submit the wrong answer.
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("verdict")).toHaveText(/Wrong Answer/);

  // Submit the right one with the keyboard shortcut from inside the editor.
  await setEditorCode(page, RIGHT);
  await page.getByTestId("editor").click();
  await page.keyboard.press("Control+Shift+Enter");
  await expect(page.getByTestId("verdict")).toHaveText(/Accepted/);
  const passed = await page.getByTestId("passed-count").innerText();
  const m = /(\d+)\s*\/\s*(\d+)/.exec(passed);
  expect(m).not.toBeNull();
  expect(Number(m?.[1])).toBe(Number(m?.[2]));
  expect(Number(m?.[2])).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId("percentile")).toContainText("%");

  // The draft survives a reload.
  await page.reload();
  await expect.poll(() => editorCode(page)).toContain("start <= last[1]");

  // History: both submissions, newest first; the old code opens.
  await page.getByRole("tab", { name: /submissions/i }).click();
  const rows = page.getByTestId("submission-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/Accepted/);
  await expect(rows.nth(1)).toContainText(/Wrong Answer/);
  await rows.nth(1).click();
  await expect(page).toHaveURL(/\/submissions\//);
  await expect(page.getByText("start < last[1]")).toBeVisible();
});

test("the problem list filters by difficulty and solved state", async ({ page }) => {
  await signUp(page, `filter-${Date.now()}@example.com`);
  await page.goto("/problems?difficulty=hard");
  const rows = page.getByRole("row");
  await expect(rows.first()).toBeVisible();
  const text = await page.locator("tbody").innerText();
  expect(text).not.toMatch(/\bEasy\b/);
  await page.goto("/problems?status=solved");
  await expect(page.locator("body")).not.toContainText(/Merge maintenance windows/i);
});
