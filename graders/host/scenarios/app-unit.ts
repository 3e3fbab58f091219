/**
 * The unit file of the `app-server` service that several scenarios run, as
 * the team wrote it once and copied to each host: only the command line, the
 * restart policy and what it waits for differ from host to host.
 */
export interface AppUnitOptions {
  execStart: string;
  restartSec: number;
  restart?: "always" | "on-failure";
  /** Units beyond network-online.target to order after (time-sync.target, a mount). */
  after?: string[];
  /** Extra [Unit] lines, e.g. RequiresMountsFor=. */
  unitLines?: string[];
  /** Extra [Service] lines before ExecStart=, e.g. WorkingDirectory=. */
  serviceLines?: string[];
}

export function appServerUnit(o: AppUnitOptions): string {
  const lines = (xs: string[] | undefined): string => (xs ?? []).map((l) => `${l}\n`).join("");
  return `[Unit]
Description=App API server
After=${["network-online.target", ...(o.after ?? [])].join(" ")}
Wants=network-online.target
${lines(o.unitLines)}
[Service]
Type=simple
User=app
Group=app
${lines(o.serviceLines)}ExecStart=${o.execStart}
Restart=${o.restart ?? "always"}
RestartSec=${o.restartSec}

[Install]
WantedBy=multi-user.target
`;
}
