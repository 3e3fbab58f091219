/**
 * GNU ls's default format on a terminal (-C): names sorted down the columns,
 * as many columns as fit the width, each as wide as its longest name plus two
 * spaces of separation (none after the last).
 */
export function columns(names: string[], width: number): string {
  if (names.length === 0) return "";
  const maxCols = Math.max(1, Math.min(names.length, Math.floor(width / 3)));
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    // A layout that leaves a column empty is the same as one with fewer columns.
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...col.map((n) => n.length)) + (c === cols - 1 ? 0 : 2));
    }
    if (widths.reduce((a, b) => a + b, 0) >= width && cols > 1) continue;
    let out = "";
    for (let r = 0; r < rows; r++) {
      let line = "";
      for (let c = 0; c < cols; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const last = c === cols - 1 || names[(c + 1) * rows + r] === undefined;
        line += last ? name : name.padEnd(widths[c] ?? 0);
      }
      out += `${line}\n`;
    }
    return out;
  }
  return names.map((n) => `${n}\n`).join("");
}
