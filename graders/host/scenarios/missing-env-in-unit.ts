import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { restartUnit, startUnit } from "../services/systemd.ts";
import { daemonReload, installUnit } from "../services/units.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";

/**
 * missing-env-in-unit: billing.service was rewritten from a template that
 * lacks `EnvironmentFile=/etc/billing/env`. The file is still there (root
 * 0600, which is fine: systemd reads it as root before dropping to the
 * service user), but nothing loads it, so billing-api starts without
 * DATABASE_URL and exits 1 at once. Restoring the line (in the unit or a
 * drop-in), daemon-reload and a restart fix it; a restart without the reload
 * keeps running the unit systemd already loaded.
 */

const UID = 103;
const GID = 109;
const ENV_FILE = "/etc/billing/env";
const UNIT_PATH = "/etc/systemd/system/billing.service";

function unitText(port: number, withEnvFile: boolean): string {
  return `[Unit]
Description=Billing API
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=billing
Group=billing
${withEnvFile ? `EnvironmentFile=${ENV_FILE}\n` : ""}Environment=LOG_FORMAT=text
ExecStart=/usr/local/bin/billing-api --listen :${port}
WorkingDirectory=/

[Install]
WantedBy=multi-user.target
`;
}

interface Params {
  port: number;
  dbUrl: string;
}

function paramsFor(host: Host): Params {
  const u = host.state.units["billing.service"];
  return { port: Number(u?.params.port ?? 0), dbUrl: String(u?.params.dbUrl ?? "") };
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 25, 14, 10) + (seed % 89) * 60_000;
  const h = hash32("missing-env-in-unit", seed);
  const hostname = prodHostname(h, ["billing", "pay", "invoice"], 4);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("billing", UID, GID),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 60, 200) * 86400_000;
  const port = randPick(state, [8081, 8085, 8088, 8090, 9000, 9090]);
  const dbHost = `${randPick(state, ["pg", "db", "postgres"])}-${randPick(state, ["billing", "main", "primary"])}-0${randInt(state, 1, 3)}.internal`;
  const dbAddr = `10.0.${randInt(state, 2, 9)}.${randInt(state, 10, 250)}`;
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const secret = (n: number): string => Array.from({ length: n }, () => alphabet[randInt(state, 0, alphabet.length - 1)]).join("");
  const dbUrl = `postgres://billing:${secret(20)}@${dbHost}:5432/billing?sslmode=require`;

  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/billing-api", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 21_734_400 + randInt(state, 0, 400_000);
  fs.mkdir(state, fs.ROOT, "/etc/billing", { mode: 0o755, mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, ENV_FILE,
    `# billing-api runtime settings. Secrets: keep this file root-only (0600).\n` +
    `DATABASE_URL=${dbUrl}\n` +
    `STRIPE_API_KEY=sk_live_${secret(24)}\n` +
    `INVOICE_BUCKET=s3://acme-invoices-prod\n` +
    `LOG_LEVEL=info\n`,
    { mode: 0o600, mtimeMs: longAgo });

  const unit = installUnit(host, {
    name: "billing.service", path: UNIT_PATH, text: unitText(port, true), program: "billing-api", mtimeMs: longAgo,
    params: { port, dbUrl, dbAddr, version: `2.${randInt(state, 3, 9)}.${randInt(state, 0, 14)}`, cpuShare: 0.02, vszKb: 1_102_344 },
    memoryKb: randInt(state, 60_000, 95_000),
  });
  // Up for days with its settings.
  state.clock.nowMs = nowMs - randInt(state, 3, 12) * 86400_000 - randInt(state, 0, 86400) * 1000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("billing.service did not start while building the scenario");

  // A tidy-up replaced the unit with a version from the team's template and bounced the service.
  const changedAt = nowMs - randInt(state, 25, 70) * 60_000;
  let sudoPid = randInt(state, 20_000, 30_000);
  const sudo = (cmd: string, at: number): void => {
    state.clock.nowMs = at;
    const pid = (sudoPid += randInt(state, 3, 40));
    host.log({ ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=${cmd}` });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  // The template the colleague copied from is still in their home directory.
  const admin = { uid: 1000, gid: 1000 };
  fs.mkdir(state, fs.ROOT, "/home/admin/units", { ...admin, mode: 0o755, mtimeMs: changedAt - 600_000 });
  fs.createFile(state, fs.ROOT, "/home/admin/units/billing.service", unitText(port, false), { ...admin, mode: 0o644, mtimeMs: changedAt - 300_000 });
  sudo(`/usr/bin/cp /home/admin/units/billing.service ${UNIT_PATH}`, changedAt);
  fs.writeFile(state, fs.ROOT, UNIT_PATH, unitText(port, false), false);
  sudo("/usr/bin/systemctl daemon-reload", changedAt + randInt(state, 8, 30) * 1000);
  daemonReload(host);
  sudo("/usr/bin/systemctl restart billing", state.clock.nowMs + randInt(state, 3, 15) * 1000);
  restartUnit(host, unit);
  const after: string = unit.activeState;
  if (after !== "failed") throw new Error("billing.service did not fail after losing its environment");
  state.clock.nowMs = nowMs;
  return host;
}

/** The running billing-api has the same DATABASE_URL as the one on record (any way of giving it counts). */
const hasDatabaseUrl: Check = {
  name: "billing-api runs with its database settings",
  test: (host) => {
    const u = host.state.units["billing.service"];
    const proc = u?.mainPid != null ? host.state.procs[u.mainPid] : undefined;
    return proc !== undefined && proc.env.DATABASE_URL === paramsFor(host).dbUrl;
  },
};

export const missingEnvInUnit: ScenarioDefinition = {
  slug: "missing-env-in-unit",
  title: "billing.service will not start",
  build,
  checks: [
    unitRunning("billing.service", "billing.service is running"),
    hasDatabaseUrl,
    {
      name: "billing-api answers its health check",
      test: (host) => httpStatus(paramsFor(host).port, "/health", 200, "").test(host),
    },
  ],
  referenceFix: () => [
    "sudo mkdir -p /etc/systemd/system/billing.service.d",
    `printf '[Service]\\nEnvironmentFile=${ENV_FILE}\\n' | sudo tee /etc/systemd/system/billing.service.d/override.conf`,
    "sudo systemctl daemon-reload",
    "sudo systemctl restart billing",
  ],
};
