/**
 * The browser side of a command that keeps running (tail -f, journalctl -f,
 * top, vmstat 1): poll the server about once a second for new output, and
 * send Ctrl-C (or q for top) when typed. Requests go one at a time, in
 * order, so output is never written out of order and a key is never lost
 * behind a poll. Other keys are dropped, not queued: the programs followed
 * here do not read their input, and typing ahead into a later prompt is the
 * kind of surprise a candidate should not meet in an interview.
 */

export interface FollowChunk {
  stdout: string;
  stderr: string;
  done: boolean;
  prompt: string;
}

export interface FollowLoopHost {
  poll(): Promise<FollowChunk>;
  send(key: "ctrl-c" | "q"): Promise<FollowChunk>;
  write(text: string): void;
  /** The command ended: show this prompt. */
  finished(prompt: string): void;
  /** A request failed: say why (the next command ends the follow on the server anyway). */
  failed(message: string, prompt: string): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export class FollowLoop {
  private timer: unknown = null;
  private inFlight: Promise<void> = Promise.resolve();
  private keySent = false;
  private ended = false;

  private readonly host: FollowLoopHost;
  private readonly keys: "interrupt" | "top";
  private readonly prompt: string;
  private readonly intervalMs: number;
  private readonly timers: Timers;

  constructor(host: FollowLoopHost, keys: "interrupt" | "top", prompt: string, intervalMs = 1000, timers: Timers = realTimers) {
    this.host = host;
    this.keys = keys;
    this.prompt = prompt;
    this.intervalMs = intervalMs;
    this.timers = timers;
  }

  get running(): boolean {
    return !this.ended;
  }

  start(): void {
    this.schedule();
  }

  /** Keys typed while the command runs. */
  input(data: string): void {
    if (this.ended || this.keySent) return;
    const key = data.includes("\x03") ? "ctrl-c" : this.keys === "top" && data.includes("q") ? "q" : null;
    if (!key) return;
    this.keySent = true;
    this.timers.clear(this.timer);
    this.enqueue(() => this.host.send(key), true);
  }

  /** The page goes away: stop polling without ending the command (a reload resumes it). */
  stop(): void {
    this.ended = true;
    this.timers.clear(this.timer);
  }

  private schedule(): void {
    if (this.ended) return;
    this.timer = this.timers.set(() => this.enqueue(() => this.host.poll(), false), this.intervalMs);
  }

  private enqueue(request: () => Promise<FollowChunk>, isKey: boolean): void {
    this.inFlight = this.inFlight.then(async () => {
      if (this.ended) return;
      try {
        const chunk = await request();
        if (this.ended) return;
        if (chunk.stdout) this.host.write(chunk.stdout);
        if (chunk.stderr) this.host.write(chunk.stderr);
        if (chunk.done) {
          this.ended = true;
          this.timers.clear(this.timer);
          this.host.finished(chunk.prompt);
        } else if (isKey) {
          // The program ignored the key: keep polling.
          this.keySent = false;
          this.schedule();
        } else if (!this.keySent) this.schedule(); // else the key's request is next in line

      } catch (e) {
        this.ended = true;
        this.timers.clear(this.timer);
        this.host.failed((e as Error).message, this.prompt);
      }
    });
  }
}
