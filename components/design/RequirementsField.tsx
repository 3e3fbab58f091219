"use client";

import { useState } from "react";
import { MarkdownField } from "./MarkdownField";
import { joinRequirements, splitRequirements, type RequirementsParts } from "./requirements-split";
import { REQUIREMENTS_GUIDES } from "./section-guides";

/** Functional and non-functional requirements, edited apart, stored as one Markdown section. */
export function RequirementsField({ value, onChange }: { value: string; onChange: (md: string) => void }) {
  const [parts, setParts] = useState<RequirementsParts>(() => splitRequirements(value));
  const set = (patch: Partial<RequirementsParts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    onChange(joinRequirements(next));
  };
  return (
    <>
      <MarkdownField label="Functional" value={parts.functional} rows={5} placeholder={REQUIREMENTS_GUIDES.functional} onChange={(v) => set({ functional: v })} />
      <MarkdownField
        label="Non-functional"
        hint="numbers with units"
        value={parts.nonFunctional}
        rows={5}
        placeholder={REQUIREMENTS_GUIDES.nonFunctional}
        onChange={(v) => set({ nonFunctional: v })}
      />
    </>
  );
}
