import { describe, expect, it } from "vitest";
import { AnswerError, MAX_ELEMENTS, MAX_SECTION_CHARS, parseAnswer, SECTION_NAMES } from "./answer-schema.ts";

describe("answer schema", () => {
  it("fills defaults so an empty draft is a valid answer", () => {
    const a = parseAnswer({});
    expect(Object.keys(a.sections)).toEqual([...SECTION_NAMES]);
    expect(a).toMatchObject({ version: 1, estimates: [], diagram: { elements: [] } });
  });

  it("keeps unknown Excalidraw fields so the canvas reloads as saved", () => {
    const el = { id: "r1", type: "rectangle", x: 1, y: 2, width: 3, height: 4, strokeColor: "#1e1e1e", customData: { a: 1 } };
    const a = parseAnswer({ diagram: { type: "excalidraw", elements: [el], appState: { zoom: { value: 1 } }, files: {} } });
    expect(a.diagram.elements[0]).toEqual(el);
    expect((a.diagram as Record<string, unknown>).appState).toEqual({ zoom: { value: 1 } });
  });

  it("names each bad field", () => {
    try {
      parseAnswer({ sections: { api: 3, nonsense: "x" }, estimates: [{ name: "", value: "1" }], diagram: { elements: [{ type: "rectangle" }] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnswerError);
      const paths = (e as AnswerError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["sections.api", "sections", "estimates.0.name", "diagram.elements.0.id"]));
    }
  });

  it("caps sizes so a hostile payload cannot make grading slow", () => {
    expect(() => parseAnswer({ sections: { requirements: "x".repeat(MAX_SECTION_CHARS + 1) } })).toThrow(/sections.requirements/);
    const many = Array.from({ length: MAX_ELEMENTS + 1 }, (_, i) => ({ id: `e${i}`, type: "text", text: "x" }));
    expect(() => parseAnswer({ diagram: { elements: many } })).toThrow(/diagram.elements/);
  });
});
