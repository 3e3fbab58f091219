"use client";

/**
 * The Excalidraw canvas, bundled from the local package. It touches `window`
 * at import, so load it only through DiagramCanvas (next/dynamic, ssr: false).
 *
 * Editable: reports the scene (non-deleted elements, in the shape the grader
 * reads, graders/design/answer-schema.ts) on every change. Read-only: shows a
 * stored scene fitted to the view (the reference diagram, a submitted one).
 */
import "./excalidraw-assets";
import "@excalidraw/excalidraw/index.css";
import { Excalidraw } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useMemo, useRef } from "react";
import type { Scene } from "@/graders/design/answer-schema";

export interface ExcalidrawCanvasProps {
  scene: Scene;
  readOnly?: boolean;
  onChange?: (scene: Scene) => void;
}

type Elements = Parameters<NonNullable<ExcalidrawImperativeAPI["updateScene"]>>[0]["elements"];

export default function ExcalidrawCanvas({ scene, readOnly = false, onChange }: ExcalidrawCanvasProps) {
  const apiRef = useRef<ExcalidrawImperativeAPI | null>(null);
  const fitted = useRef(false);
  const lastJson = useRef<string>(JSON.stringify(scene.elements));
  // Excalidraw owns the scene after mount: the first scene is its initial data.
  const initialData = useMemo(
    () => ({
      elements: scene.elements as unknown as Elements,
      scrollToContent: true,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initial data only
    [],
  );

  const handleChange = useCallback(
    (elements: readonly { isDeleted?: boolean }[]) => {
      if (readOnly) {
        // A stored scene is shown whole: zoom to fit once it has loaded.
        if (!fitted.current && elements.length > 0 && apiRef.current) {
          fitted.current = true;
          apiRef.current.scrollToContent(undefined, { fitToContent: true, animate: false });
        }
        return;
      }
      if (!onChange) return;
      const live = elements.filter((e) => !e.isDeleted);
      const json = JSON.stringify(live);
      // Excalidraw reports pointer moves and selection too: only real edits count.
      if (json === lastJson.current) return;
      lastJson.current = json;
      onChange({ type: "excalidraw", version: 2, elements: JSON.parse(json) as Scene["elements"] });
    },
    [readOnly, onChange],
  );

  return (
    <Excalidraw
      initialData={initialData}
      excalidrawAPI={(api) => {
        apiRef.current = api;
      }}
      onChange={handleChange}
      viewModeEnabled={readOnly}
      theme="dark"
      name="architecture"
      aiEnabled={false}
      handleKeyboardGlobally={false}
      UIOptions={{
        canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false, toggleTheme: false, changeViewBackgroundColor: false },
        tools: { image: false },
      }}
    />
  );
}
