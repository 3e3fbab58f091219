/**
 * The answer stores requirements as one Markdown section; the workspace edits
 * its functional and non-functional halves separately. Joined with two fixed
 * headings, split back on them; text in any other shape stays whole in the
 * functional half, so nothing a candidate wrote is ever dropped.
 */
const FUNCTIONAL = "### Functional";
const NON_FUNCTIONAL = "### Non-functional";

export interface RequirementsParts {
  functional: string;
  nonFunctional: string;
}

export function joinRequirements({ functional, nonFunctional }: RequirementsParts): string {
  const f = functional.trimEnd();
  const n = nonFunctional.trimEnd();
  if (f.trim() === "" && n.trim() === "") return "";
  return `${FUNCTIONAL}\n\n${f}\n\n${NON_FUNCTIONAL}\n\n${n}\n`;
}

export function splitRequirements(md: string): RequirementsParts {
  if (md.startsWith(`${FUNCTIONAL}\n\n`)) {
    const rest = md.slice(FUNCTIONAL.length + 2);
    const at = rest.indexOf(`\n\n${NON_FUNCTIONAL}\n\n`);
    if (at !== -1 && rest.indexOf(`\n\n${NON_FUNCTIONAL}\n\n`, at + 1) === -1) {
      return { functional: rest.slice(0, at), nonFunctional: rest.slice(at + NON_FUNCTIONAL.length + 4).replace(/\n$/, "") };
    }
  }
  return { functional: md, nonFunctional: "" };
}
