import { expect, type Page } from "@playwright/test";

type EditorWindow = { __prodloopEditor?: { setValue(v: string): void; getValue(): string } };

export async function setEditorCode(page: Page, code: string): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as EditorWindow).__prodloopEditor));
  await page.evaluate((c) => {
    (window as unknown as Required<EditorWindow>).__prodloopEditor.setValue(c);
  }, code);
}

export async function editorCode(page: Page): Promise<string> {
  await page.waitForFunction(() => Boolean((window as unknown as EditorWindow).__prodloopEditor));
  return page.evaluate(() => (window as unknown as Required<EditorWindow>).__prodloopEditor.getValue());
}

export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: /sign up|create account/i }).click();
  await expect(page.getByText(email)).toBeVisible();
}
