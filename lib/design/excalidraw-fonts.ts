/**
 * The diagram canvas's fonts, served by the app from the installed
 * @excalidraw/excalidraw package (never from a CDN: the machines are offline
 * and a candidate's browser should talk to nobody else). The browser side sets
 * `window.EXCALIDRAW_ASSET_PATH` to EXCALIDRAW_ASSET_PATH (components/design/excalidraw-assets.ts),
 * so Excalidraw asks for `/excalidraw/fonts/<Family>/<file>.woff2`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.ts";

export const EXCALIDRAW_FONTS_DIR = path.join(process.cwd(), "node_modules", "@excalidraw", "excalidraw", "dist", "prod", "fonts");

/** Only plain file names, two levels deep, woff2: nothing outside the fonts folder can be named. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface FontFile {
  bytes: Buffer;
  contentType: string;
}

export async function readExcalidrawFont(segments: string[]): Promise<FontFile> {
  const ok = segments.length === 2 && segments.every((s) => SEGMENT.test(s) && !s.includes("..")) && segments[1]!.endsWith(".woff2");
  if (!ok) throw new AppError("not_found", "No such font");
  try {
    return { bytes: await readFile(path.join(EXCALIDRAW_FONTS_DIR, ...segments)), contentType: "font/woff2" };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found", "No such font");
    throw e;
  }
}
