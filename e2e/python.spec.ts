import { test, expect } from "@playwright/test";
import { editorCode, setEditorCode, signUp } from "./helpers.ts";

/** A candidate picks Python 3, gets snake_case starter code, and solves a problem with it. */

const PY_RIGHT = `def merge_windows(windows: list[list[int]]) -> list[list[int]]:
    out = []
    for start, end in sorted(windows):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    print("merged", len(out))
    return out
`;

const PY_BROKEN = `def merge_windows(windows):
    return windows[0][5]
`;

test("a candidate solves a problem in Python", async ({ page }) => {
  await signUp(page, `py-${Date.now()}@example.com`);
  await page.goto("/problems/merge-maintenance-windows");
  await page.getByLabel("Language").selectOption("py");
  await expect.poll(() => editorCode(page)).toContain("def merge_windows(");

  // An exception: runtime error with a traceback that points at the candidate's line.
  await setEditorCode(page, PY_BROKEN);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const result = page.getByTestId("result");
  await expect(result).toContainText("IndexError");
  await expect(result).toContainText("line 2");

  await setEditorCode(page, PY_RIGHT);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(result).toContainText("merged");

  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("verdict")).toHaveText(/Accepted/);
  await expect(page.getByTestId("passed-count")).toContainText(/(\d+)\s*\/\s*\1/);
  await page.getByRole("tab", { name: /submissions/i }).click();
  await expect(page.getByTestId("submission-row").first()).toContainText(/Python/);
});
