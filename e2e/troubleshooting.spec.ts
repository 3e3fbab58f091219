import { test, expect, type Page } from "@playwright/test";
import { signUp } from "./helpers.ts";

/**
 * The troubleshooting round as a candidate lives it: open the broken host,
 * investigate in the terminal, check (not solved), take a hint, fix it,
 * check (solved), read the debrief, and find the same host after a reload.
 */

type TermWindow = { __prodloopTerminal?: { buffer: { active: { length: number; getLine(i: number): { isWrapped: boolean; translateToString(trim: boolean): string } | undefined } } } };

function screen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const t = (window as unknown as TermWindow).__prodloopTerminal;
    if (!t) return "";
    const b = t.buffer.active;
    const lines: string[] = [];
    // Rows the terminal wrapped are one logical line.
    for (let i = 0; i < b.length; i++) {
      const line = b.getLine(i);
      if (line?.isWrapped && lines.length > 0) lines[lines.length - 1] += line.translateToString(true);
      else lines.push(line?.translateToString(true) ?? "");
    }
    return lines.join("\n");
  });
}

async function typeCommand(page: Page, cmd: string, expectOutput: RegExp): Promise<void> {
  await page.keyboard.type(cmd);
  await page.keyboard.press("Enter");
  await expect.poll(() => screen(page)).toMatch(expectOutput);
}

test("a candidate finds and fixes a full disk in the browser terminal", async ({ page }) => {
  await signUp(page, `host-${Date.now()}@example.com`);
  await page.goto("/problems?round=troubleshooting");
  await page.getByRole("link", { name: /the disk is still full/i }).click();
  await expect(page).toHaveURL(/\/troubleshoot\/disk-full-deleted-log$/);
  await expect.poll(() => screen(page)).toMatch(/admin@[\w-]+:~\$ $/m);
  await page.getByTestId("terminal").click();

  await typeCommand(page, "df -h /", /100% \/$/m);
  await typeCommand(page, "sudo lsof +L1 | grep deleted", /app\.log \(deleted\)$/m);

  // Tab completes the unit name like bash-completion.
  await page.keyboard.type("systemctl status app.s");
  await page.keyboard.press("Tab");
  await expect.poll(() => screen(page)).toMatch(/systemctl status app\.service $/m);
  await page.keyboard.press("Enter");
  await expect.poll(() => screen(page)).toMatch(/Active: active \(running\)/);

  await page.getByTestId("check").click();
  await expect(page.getByTestId("check-result")).toContainText("Not solved yet");
  await page.getByRole("button", { name: /Hint \(0\// }).click();
  await expect(page.getByRole("list", { name: "Hints" })).toContainText("df");

  await page.getByTestId("terminal").click();
  await typeCommand(page, "sudo systemctl restart app", /restart app\n.*\$ $/m);
  await typeCommand(page, "df -h / | tail -1", /\d+% \/$/m);
  await page.getByTestId("check").click();
  await expect(page.getByTestId("check-result")).toContainText("Solved");
  await expect(page.getByTestId("debrief")).toContainText("Root cause");
  await expect(page.getByTestId("transcript")).toContainText("sudo systemctl restart app");

  // Reload: the same host, the last commands replayed.
  await page.reload();
  await expect.poll(() => screen(page)).toContain("sudo systemctl restart app");
  await expect(page.getByTestId("timebox")).toContainText("Solved in");
});
