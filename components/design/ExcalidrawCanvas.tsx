"use client";

/**
 * The Excalidraw canvas, bundled from the local package. It touches `window`
 * at import, so load it only through DiagramCanvas (next/dynamic, ssr: false).
 *
 * Editable: reports the scene (non-deleted elements, in the shape the grader
 * reads, graders/design/answer-schema.ts) on every change. Read-only: shows a
 * stored scene fitted to the canvas (the reference diagram, a submitted one).
 */
import "./excalidraw-assets";
import "@excalidraw/excalidraw/index.css";
import { Excalidraw } from "@excalidraw/excalidraw";
import type { ExcalidrawInitialDataState } from "@excalidraw/excalidraw/types";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { Scene } from "@/graders/design/answer-schema";
import { fitView } from "./fit-view";

export interface ExcalidrawCanvasProps {
  scene: Scene;
  readOnly?: boolean;
  onChange?: (scene: Scene) => void;
}

export default function ExcalidrawCanvas({ scene, readOnly = false, onChange }: ExcalidrawCanvasProps) {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const lastJson = useRef<string>(JSON.stringify(scene.elements));
  const loaded = useRef(false);
  // Excalidraw owns the scene after mount: the first scene is its initial data,
  // built once the canvas size is known (a read-only scene opens fitted to it).
  const [initialData, setInitialData] = useState<ExcalidrawInitialDataState | null>(null);
  useLayoutEffect(() => {
    if (initialData || !boxRef.current) return;
    const { width, height } = boxRef.current.getBoundingClientRect();
    const fitted = readOnly ? fitView(scene.elements, width, height) : null;
    setInitialData({
      elements: scene.elements as unknown as NonNullable<ExcalidrawInitialDataState["elements"]>,
      // zoom.value is a branded number in Excalidraw's types; fitView clamps it to the allowed range.
      ...(fitted ? { appState: fitted as unknown as NonNullable<ExcalidrawInitialDataState["appState"]> } : { scrollToContent: true }),
    });
  }, [initialData, readOnly, scene.elements]);

  const handleChange = useCallback(
    (elements: readonly { isDeleted?: boolean }[]) => {
      if (readOnly || !onChange) return;
      const live = elements.filter((e) => !e.isDeleted);
      const json = JSON.stringify(live);
      if (!loaded.current) {
        // The first call is Excalidraw loading the scene (normalising fields), not an edit.
        loaded.current = true;
        lastJson.current = json;
        return;
      }
      // Excalidraw reports pointer moves and selection too: only real edits count.
      if (json === lastJson.current) return;
      lastJson.current = json;
      onChange({ type: "excalidraw", version: 2, elements: JSON.parse(json) as Scene["elements"] });
    },
    [readOnly, onChange],
  );

  return (
    <div ref={boxRef} style={{ width: "100%", height: "100%" }}>
      {initialData && (
        <Excalidraw
          initialData={initialData}
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
      )}
    </div>
  );
}
