/**
 * Imported (for its side effect) before @excalidraw/excalidraw: points the
 * canvas at the fonts the app serves itself (app/excalidraw/fonts), so it
 * never falls back to its CDN. Browser-only module.
 */
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

export const EXCALIDRAW_ASSET_PATH = "/excalidraw/";

if (typeof window !== "undefined") window.EXCALIDRAW_ASSET_PATH = EXCALIDRAW_ASSET_PATH;
