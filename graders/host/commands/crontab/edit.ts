import type { ExecResult } from "just-bash";
import type { Runtime } from "../../shell/runtime.ts";
import { openEditor } from "../../shell/editor/open.ts";
import { readCrontab } from "../../shell/editor/crontab-install.ts";
import { chosenEditor, readStatus } from "../../shell/editor/choice.ts";
import { randomSuffix } from "../nano/index.ts";

/** The table Debian's crontab -e starts from when the user has none. */
const TEMPLATE = [
  "# Edit this file to introduce tasks to be run by cron.",
  "# ",
  "# Each task to run has to be defined through a single line",
  "# indicating with different fields when the task will be run",
  "# and what command to run for the task",
  "# ",
  "# To define the time you can provide concrete values for",
  "# minute (m), hour (h), day of month (dom), month (mon),",
  "# and day of week (dow) or use '*' in these fields (for 'any').",
  "# ",
  "# Notice that tasks will be started based on the cron's system",
  "# daemon's notion of time and timezones.",
  "# ",
  "# Output of the crontab jobs (including errors) is sent through",
  "# email to the user the crontab file belongs to (unless redirected).",
  "# ",
  "# For example, you can run a backup of all your user accounts",
  "# at 5 a.m every week with:",
  "# 0 5 * * 1 tar -zcf /var/backups/home.tgz /home/",
  "# ",
  "# For more information see the manual pages of crontab(5) and cron(8)",
  "# ",
  "# m h  dom mon dow   command",
  "",
].join("\n");

/**
 * crontab -e: the editor ($VISUAL, $EDITOR, else Debian's default nano) on a copy in
 * /tmp/crontab.XXXXXX/crontab; on exit a changed table is installed
 * ("crontab: installing new crontab"), an unchanged one is not.
 */
export function crontabEdit(rt: Runtime, user: string, env: Map<string, string> | undefined): ExecResult {
  const current = readCrontab(rt.host, user);
  const content = current ?? TEMPLATE;
  const editor = chosenEditor(env, ["VISUAL", "EDITOR"]);
  const shownPath = `/tmp/crontab.${randomSuffix(rt, user).slice(0, 6)}/crontab`;
  return openEditor(
    rt,
    {
      editor, shownPath, target: { kind: "crontab", user },
      cred: { ...rt.cred, groups: [...rt.cred.groups] }, content, isNew: false, status: readStatus(editor, shownPath, content),
    },
    { what: "crontab -e", howTo: [`(crontab -l; echo '*/5 * * * * /usr/local/bin/job') > /tmp/new.cron && crontab /tmp/new.cron`] },
    current === null ? `no crontab for ${user} - using an empty one\n` : "",
  );
}
