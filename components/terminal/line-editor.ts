/**
 * Readline for the browser terminal: what bash's line editing does for the
 * keys people use (arrows, Home/End, Ctrl-A/E/U/K/W, history with ↑/↓,
 * Ctrl-R reverse search, Tab completion, Ctrl-C, Ctrl-L). Pure logic: it
 * receives xterm's input data and writes escape sequences to `write`, so it
 * is tested without a browser. The shell itself runs on the server; this only
 * edits the line and hands it over on Enter.
 */

export interface LineEditorHost {
  write(data: string): void;
  /** The finished line (Enter). Resolves when the command's output has been written. */
  submit(line: string): Promise<void>;
  /** Candidates for completing the word that ends at `cursor`. */
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
  /** Keys typed while a command runs (Ctrl-C for `tail -f`, q for top); nothing is echoed. */
  busyInput(data: string): void;
  /** Terminal width, for laying out completion lists. */
  columns(): number;
}

type Mode = { kind: "edit" } | { kind: "search"; query: string; match: number; failed: boolean } | { kind: "busy" };

export class LineEditor {
  private line = "";
  private cursor = 0;
  private prompt = "";
  private history: string[] = [];
  private historyIndex = 0;
  /** The line being typed before browsing history, restored by ↓ past the newest entry. */
  private draft = "";
  private mode: Mode = { kind: "edit" };
  private lastTab = 0;
  private readonly host: LineEditorHost;

  constructor(host: LineEditorHost, history: string[] = []) {
    this.host = host;
    this.history = [...history];
    this.historyIndex = this.history.length;
  }

  /** Shows a fresh prompt (after output, or at start). */
  showPrompt(prompt: string): void {
    this.prompt = prompt;
    this.line = "";
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.mode = { kind: "edit" };
    this.host.write(prompt);
  }

  /** A command is running without a line having been typed here (resumed after a reload). */
  setBusy(): void {
    this.mode = { kind: "busy" };
  }

  get busy(): boolean {
    return this.mode.kind === "busy";
  }

  /** Data from xterm's onData: typed text, pasted text or escape sequences. */
  handle(data: string): void {
    if (this.mode.kind === "busy") return this.host.busyInput(data);
    let i = 0;
    while (i < data.length) {
      const seq = matchSequence(data, i);
      i += seq.length;
      this.key(seq);
      if (this.busy) return;
    }
  }

  private key(k: string): void {
    if (this.mode.kind === "search") return this.searchKey(k);
    switch (k) {
      case "\r":
      case "\n":
        return this.enter();
      case "\x7f":
      case "\b":
        if (this.cursor > 0) this.edit(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
        return;
      case "\x1b[3~":
        if (this.cursor < this.line.length) this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
        return;
      case "\x1b[D":
      case "\x02":
        return this.move(this.cursor - 1);
      case "\x1b[C":
      case "\x06":
        return this.move(this.cursor + 1);
      case "\x1b[H":
      case "\x1bOH":
      case "\x01":
        return this.move(0);
      case "\x1b[F":
      case "\x1bOF":
      case "\x05":
        return this.move(this.line.length);
      case "\x1b[A":
      case "\x10":
        return this.browse(-1);
      case "\x1b[B":
      case "\x0e":
        return this.browse(1);
      case "\x15":
        return this.edit(this.line.slice(this.cursor), 0);
      case "\x0b":
        return this.edit(this.line.slice(0, this.cursor), this.cursor);
      case "\x17": {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, "");
        return this.edit(before + this.line.slice(this.cursor), before.length);
      }
      case "\x03":
        this.host.write("^C\r\n");
        return this.showPrompt(this.prompt);
      case "\x04":
        if (this.line === "") this.host.write("\x07");
        else if (this.cursor < this.line.length) this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
        return;
      case "\x0c":
        this.host.write("\x1b[H\x1b[2J");
        return this.redraw();
      case "\x12":
        this.mode = { kind: "search", query: "", match: this.history.length, failed: false };
        return this.redraw();
      case "\t":
        return void this.tab();
      default:
        if (k.startsWith("\x1b") || (k.length === 1 && k < " ")) return; // unhandled control: ignore like readline
        return this.edit(this.line.slice(0, this.cursor) + k + this.line.slice(this.cursor), this.cursor + k.length);
    }
  }

  private enter(): void {
    const line = this.line;
    this.host.write("\r\n");
    if (line.trim() !== "" && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.historyIndex = this.history.length;
    this.mode = { kind: "busy" };
    void this.host.submit(line);
  }

  private browse(dir: -1 | 1): void {
    const next = this.historyIndex + dir;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.line;
    this.historyIndex = next;
    const text = next === this.history.length ? this.draft : (this.history[next] ?? "");
    this.edit(text, text.length);
  }

  private searchKey(k: string): void {
    if (this.mode.kind !== "search") return;
    const mode = this.mode;
    if (k === "\x12") {
      // Ctrl-R again: the next older match.
      this.findMatch(mode.query, mode.match - 1);
      return this.redraw();
    }
    if (k === "\x7f" || k === "\b") {
      this.findMatch(mode.query.slice(0, -1), this.history.length - 1);
      return this.redraw();
    }
    if (k === "\x03" || k === "\x07") {
      this.mode = { kind: "edit" };
      this.host.write("\r\x1b[K");
      if (k === "\x03") {
        this.host.write(`${this.prompt}${this.line}^C\r\n`);
        return this.showPrompt(this.prompt);
      }
      return this.redraw();
    }
    if (k.length === 1 && k >= " ") {
      this.findMatch(mode.query + k, mode.match === this.history.length ? this.history.length - 1 : mode.match);
      return this.redraw();
    }
    // Any other key accepts the match and is then handled normally (Enter runs it).
    this.mode = { kind: "edit" };
    this.host.write("\r\x1b[K");
    this.redraw();
    this.key(k);
  }

  private findMatch(query: string, from: number): void {
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i--) {
      const entry = this.history[i] ?? "";
      const at = entry.indexOf(query);
      if (at !== -1) {
        this.mode = { kind: "search", query, match: i, failed: false };
        this.line = entry;
        this.cursor = at;
        return;
      }
    }
    const prev = this.mode.kind === "search" ? this.mode.match : this.history.length;
    this.mode = { kind: "search", query, match: prev, failed: query !== "" };
  }

  private async tab(): Promise<void> {
    const now = Date.now();
    const double = now - this.lastTab < 600;
    this.lastTab = now;
    const { start, candidates } = await this.host.complete(this.line, this.cursor);
    if (this.mode.kind !== "edit") return;
    if (candidates.length === 0) return this.host.write("\x07");
    const word = this.line.slice(start, this.cursor);
    const common = commonPrefix(candidates);
    if (common.length > word.length) {
      // A single candidate that is not a directory gets a trailing space, like bash.
      const insert = common.slice(word.length) + (candidates.length === 1 && !common.endsWith("/") ? " " : "");
      return this.edit(this.line.slice(0, this.cursor) + insert + this.line.slice(this.cursor), this.cursor + insert.length);
    }
    if (candidates.length === 1) return;
    if (!double) return this.host.write("\x07");
    this.host.write(`\r\n${columnize(candidates, this.host.columns())}`);
    this.redraw();
  }

  private move(to: number): void {
    const clamped = Math.max(0, Math.min(this.line.length, to));
    if (clamped === this.cursor) return;
    this.cursor = clamped;
    this.redraw();
  }

  private edit(line: string, cursor: number): void {
    this.line = line;
    this.cursor = Math.max(0, Math.min(line.length, cursor));
    this.redraw();
  }

  /** Rewrites the current input line (prompt or search prompt) and places the cursor. */
  private redraw(): void {
    const head = this.mode.kind === "search" ? `(${this.mode.failed ? "failed " : ""}reverse-i-search)\`${this.mode.query}': ` : this.prompt;
    const tail = this.line.length - this.cursor;
    this.host.write(`\r\x1b[K${head}${this.line}${tail > 0 ? `\x1b[${tail}D` : ""}`);
  }
}

const SEQUENCES = ["\x1b[3~", "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[H", "\x1b[F", "\x1bOH", "\x1bOF"];

function matchSequence(data: string, i: number): string {
  if (data[i] === "\x1b") {
    for (const s of SEQUENCES) if (data.startsWith(s, i)) return s;
    // Unknown CSI sequence: swallow it whole so its letters are not typed.
    const m = /^\x1b\[[0-9;]*[~A-Za-z]/.exec(data.slice(i));
    if (m) return m[0];
    return "\x1b";
  }
  if (data[i] === "\r" && data[i + 1] === "\n") return "\r";
  return data[i] as string;
}

function commonPrefix(items: string[]): string {
  let p = items[0] ?? "";
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates in columns, as bash lists them on a double Tab. */
export function columnize(items: string[], width: number): string {
  const colWidth = Math.max(...items.map((s) => s.length)) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(items.length / cols);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = "";
    for (let c = 0; c < cols; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) row += item.padEnd(colWidth);
    }
    out.push(row.trimEnd());
  }
  return `${out.join("\r\n")}\r\n`;
}
