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

test("tail -f streams a growing log until Ctrl-C, and sudo nano edits a file in the editor panel", async ({ page }, testInfo) => {
  await signUp(page, `follow-${Date.now()}@example.com`);
  await page.goto("/troubleshoot/disk-full-deleted-log");
  await expect.poll(() => screen(page)).toMatch(/admin@[\w-]+:~\$ $/m);
  await page.getByTestId("terminal").click();
  // The fix frees the disk, so the app writes its access log again.
  await typeCommand(page, "sudo systemctl restart app", /restart app\n.*\$ $/m);

  await page.keyboard.type("sudo tail -n 2 -f /var/log/app/app.log");
  await page.keyboard.press("Enter");
  const logLines = async () => (await screen(page)).split("sudo tail -n 2 -f")[1]?.match(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO /gm)?.length ?? 0;
  // Two lines at once, then more as the simulated clock follows the real one.
  await expect.poll(logLines).toBeGreaterThan(2);
  const seen = await logLines();
  await expect.poll(logLines).toBeGreaterThan(seen);
  await page.screenshot({ path: testInfo.outputPath("terminal-mid-follow.png") });
  // Keys other than Ctrl-C are not typed into the next prompt.
  await page.keyboard.type("ls");
  await page.keyboard.press("Control+c");
  await expect.poll(() => screen(page)).toMatch(/\^C\nadmin@[\w-]+:~\$ $/m);
  await typeCommand(page, "echo status=$?", /^status=130$/m);

  await typeCommand(page, "sudo nano /etc/motd", /sudo nano \/etc\/motd/);
  const panel = page.getByTestId("editor-panel");
  await expect(panel).toBeVisible();
  await expect(page.getByTestId("editor-title")).toHaveText("/etc/motd");
  await expect(panel).toContainText("GNU nano 7.2");
  await expect(page.getByTestId("editor-status")).toContainText("[ Read ");
  await page.getByTestId("editor-text").press("Control+End");
  await page.keyboard.type("Maintenance tonight at 22:00 UTC\n");
  await expect(panel).toContainText("Modified");
  await page.screenshot({ path: testInfo.outputPath("editor-panel.png") });
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("editor-status")).toHaveText(/\[ Wrote \d+ lines \]/);
  await page.keyboard.press("Control+x");
  await expect(panel).toBeHidden();
  await typeCommand(page, "tail -n 1 /etc/motd", /^Maintenance tonight at 22:00 UTC$/m);

  // As admin, the same file cannot be written: nano's own error, and Exit asks about the unsaved change.
  await page.getByTestId("terminal").click();
  await page.keyboard.type("nano /etc/motd");
  await page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await expect(page.getByTestId("editor-status")).toHaveText("[ File '/etc/motd' is unwritable ]");
  await page.getByTestId("editor-text").press("Control+End");
  await page.keyboard.type("x");
  await page.keyboard.press("Control+o");
  await expect(page.getByTestId("editor-status")).toHaveText("[ Error writing /etc/motd: Permission denied ]");
  await page.keyboard.press("Control+x");
  await expect(page.getByRole("alertdialog", { name: "Save modified buffer?" })).toBeVisible();
  await page.keyboard.press("n");
  await expect(panel).toBeHidden();
  await typeCommand(page, "tail -n 1 /etc/motd; echo END", /^Maintenance tonight at 22:00 UTC\nEND$/m);
});
