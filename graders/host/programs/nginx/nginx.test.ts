import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { Session } from "../../shell/session.ts";
import { startUnit } from "../../services/systemd.ts";
import { baseHost } from "../../testkit.ts";
import { installNginx } from "./install.ts";

/** A stock Debian 12 VM after `apt install nginx`, nginx.service started. */
function nginxSession(): Session {
  const host = baseHost(7);
  const unit = installNginx(host, { atMs: host.now - 30 * 86400_000 });
  startUnit(host, unit);
  return new Session(host);
}

const out = async (s: Session, line: string): Promise<string> => {
  const r = await s.run(line);
  return r.stdout + r.stderr;
};

const nginxPids = (s: Session, role: string): number[] =>
  Object.values(s.host.state.procs).filter((p) => p.params?.role === role).map((p) => p.pid);

describe("nginx 1.22.1 on Debian 12", () => {
  it("runs a root master and www-data workers that share the listening sockets", async () => {
    const s = nginxSession();
    const status = await out(s, "systemctl status nginx");
    expect(status).toMatch(/^● nginx\.service - A high performance web server and a reverse proxy server\n     Loaded: loaded \(\/lib\/systemd\/system\/nginx\.service; enabled; preset: enabled\)\n     Active: active \(running\) since .*\n       Docs: man:nginx\(8\)\n    Process: \d+ ExecStartPre=\/usr\/sbin\/nginx -t -q -g daemon on; master_process on; \(code=exited, status=0\/SUCCESS\)\n    Process: \d+ ExecStart=\/usr\/sbin\/nginx -g daemon on; master_process on; \(code=exited, status=0\/SUCCESS\)\n   Main PID: (\d+) \(nginx\)\n      Tasks: 3 \(limit: 2314\)\n/);
    expect(status).toMatch(/\n             ├─\d+ "nginx: master process \/usr\/sbin\/nginx -g daemon on; master_process on;"\n             ├─\d+ "nginx: worker process"\n             └─\d+ "nginx: worker process"\n/);
    const ps = await out(s, "ps -eo user,args | grep [n]ginx");
    expect(ps).toBe("root     nginx: master process /usr/sbin/nginx -g daemon on; master_process on;\nwww-data nginx: worker process\nwww-data nginx: worker process\n");
    const ss = await out(s, "sudo ss -tlnp");
    const [master, w1, w2] = [...nginxPids(s, "master"), ...nginxPids(s, "worker")];
    expect(ss).toContain(`LISTEN 0      511          0.0.0.0:80        0.0.0.0:*   users:(("nginx",pid=${master},fd=6),("nginx",pid=${w1},fd=6),("nginx",pid=${w2},fd=6))\n`);
    expect(ss).toMatch(/\nLISTEN 0 +511 +\[::\]:80 /);
    expect(await out(s, "cat /run/nginx.pid")).toBe(`${master}\n`);
  });

  it("serves the welcome page, nginx's error pages, and logs each request", async () => {
    const s = nginxSession();
    expect(await out(s, "curl -si http://localhost/")).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.22\.1\r\nDate: \w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\nLast-Modified: .* GMT\r\nConnection: keep-alive\r\nETag: "[0-9a-f]+-267"\r\nAccept-Ranges: bytes\r\n\r\n<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!<\/title>/);
    const missing = await s.run("curl -si http://localhost/nope");
    expect(missing.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\n.*Content-Length: 153\r\n/s);
    expect(missing.stdout.endsWith("\r\n\r\n<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n")).toBe(true);
    await s.run("sudo mkdir /var/www/html/empty");
    // A directory without an index file: try_files finds "$uri/", the index module refuses to list it.
    expect(await out(s, "curl -s -o /dev/null -w '%{http_code}' http://localhost/empty/")).toBe("403");
    expect(await out(s, "sudo tail -1 /var/log/nginx/error.log")).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[error\] \d+#\d+: \*3 directory index of "\/var\/www\/html\/empty\/" is forbidden, client: 127\.0\.0\.1, server: _, request: "GET \/empty\/ HTTP\/1\.1", host: "localhost"\n$/);
    const log = await out(s, "sudo cat /var/log/nginx/access.log");
    expect(log).toMatch(/^127\.0\.0\.1 - - \[\d\d\/Nov\/2026:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1"\n127\.0\.0\.1 - - \[.*\] "GET \/nope HTTP\/1\.1" 404 153 "-" "curl\/7\.88\.1"\n/);
    expect(await out(s, "ls -l /var/log/nginx")).toMatch(/-rw-r----- 1 www-data adm +\d+ .* access\.log\n/);
  });

  it("answers nginx -t, -v, -h and bad options as nginx does, and needs root", async () => {
    const s = nginxSession();
    expect(await out(s, "nginx -t")).toBe("-bash: nginx: command not found\n");
    expect(await s.run("sudo nginx -t")).toEqual({ stdout: "", stderr: "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n", exitCode: 0 });
    expect(await s.run("sudo nginx -v")).toEqual({ stdout: "", stderr: "nginx version: nginx/1.22.1\n", exitCode: 0 });
    expect((await s.run("sudo nginx -h")).stderr).toMatch(/^nginx version: nginx\/1\.22\.1\nUsage: nginx \[-\?hvVtTq\] \[-s signal\] \[-p prefix\]\n/);
    expect(await s.run("sudo nginx -x")).toEqual({ stdout: "", stderr: 'nginx: invalid option: "x"\n', exitCode: 1 });
    expect(await s.run("sudo nginx -s restart")).toEqual({ stdout: "", stderr: 'nginx: invalid option: "-s restart"\n', exitCode: 1 });
    const asUser = await s.run("sudo -u www-data /usr/sbin/nginx -t");
    expect(asUser.exitCode).toBe(1);
    // Debian builds with --error-log-path=stderr: before the config's error_log is open, messages go to stderr in log format.
    expect(asUser.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[warn\] \d+#\d+: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in \/etc\/nginx\/nginx\.conf:1\nnginx: the configuration file \/etc\/nginx\/nginx\.conf syntax is ok\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] \d+#\d+: open\(\) "\/run\/nginx\.pid" failed \(13: Permission denied\)\nnginx: configuration file \/etc\/nginx\/nginx\.conf test failed\n$/);
    const dump = await s.run("sudo nginx -T");
    expect(dump.stdout).toMatch(/^# configuration file \/etc\/nginx\/nginx\.conf:\nuser www-data;\n/);
    expect(dump.stdout).toContain("\n# configuration file /etc/nginx/sites-enabled/default:\n##\n");
  });

  it("reloads into a new configuration with new workers, and keeps the old one when the new one is broken", async () => {
    const s = nginxSession();
    const [master] = nginxPids(s, "master");
    const oldWorkers = nginxPids(s, "worker");
    await s.run("sudo sed -i 's#root /var/www/html;#root /srv/www;#' /etc/nginx/sites-available/default");
    await s.run("sudo mkdir /srv/www");
    await s.run("echo hello | sudo tee /srv/www/index.html");
    expect(await s.run("sudo systemctl reload nginx")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(nginxPids(s, "master")).toEqual([master]);
    expect(nginxPids(s, "worker").some((p) => oldWorkers.includes(p))).toBe(false);
    expect(await out(s, "curl -s localhost/")).toBe("hello\n");
    await s.run("sudo sed -i 's#root /srv/www;#root /srv/www#' /etc/nginx/sites-available/default");
    const failed = await s.run("sudo systemctl reload nginx");
    expect(failed.exitCode).toBe(1);
    expect(await out(s, "curl -s localhost/")).toBe("hello\n");
    // `nginx -s reload` (ExecReload=) fails while parsing: its stderr, in log format, lands in the journal.
    expect(await out(s, "journalctl -u nginx -n 4")).toMatch(/nginx\[(\d+)\]: \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] \1#\1: invalid number of arguments in "root" directive in \/etc\/nginx\/sites-enabled\/default:\d+\n.*systemd\[1\]: nginx\.service: Control process exited, code=exited, status=1\/FAILURE\n.*systemd\[1\]: Reload failed for nginx\.service/);
    // A HUP straight to the master with the broken file: the master logs it and carries on.
    await s.run(`sudo kill -HUP ${master}`);
    expect(await out(s, "systemctl is-active nginx")).toBe("active\n");
    expect(await out(s, "sudo tail -1 /var/log/nginx/error.log")).toMatch(new RegExp(`\\[emerg\\] ${master}#${master}: invalid number of arguments in "root" directive`));
  });

  it("replaces a killed worker, stops cleanly, and refuses to start twice on one port", async () => {
    const s = nginxSession();
    const [victim] = nginxPids(s, "worker");
    await s.run(`sudo kill -9 ${victim}`);
    s.host.advance(2000);
    expect(nginxPids(s, "worker")).toHaveLength(2);
    expect(await out(s, "sudo tail -1 /var/log/nginx/error.log")).toMatch(new RegExp(`\\[alert\\] \\d+#\\d+: worker process ${victim} exited on signal 9\\n$`));
    await s.run("sudo systemctl stop nginx");
    expect(nginxPids(s, "master").length + nginxPids(s, "worker").length).toBe(0);
    expect(await out(s, "ls /run/nginx.pid")).toBe("ls: cannot access '/run/nginx.pid': No such file or directory\n");
    expect(await out(s, "journalctl -u nginx -n 3")).toMatch(/systemd\[1\]: Stopping nginx\.service - A high performance web server and a reverse proxy server\.\.\.\n.*systemd\[1\]: nginx\.service: Deactivated successfully\.\n.*systemd\[1\]: Stopped nginx\.service - A high performance web server and a reverse proxy server\.\n$/);
    // Started by hand, outside systemd: the unit then cannot bind.
    expect(await s.run("sudo nginx")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    const start = await s.run("sudo systemctl start nginx");
    expect(start.exitCode).toBe(1);
    const journal = await out(s, "journalctl -u nginx -n 14");
    expect(journal.match(/nginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)\n/g)).toHaveLength(5);
    expect(journal.match(/nginx: \[emerg\] bind\(\) to \[::\]:80 failed \(98: Address already in use\)\n/g)).toHaveLength(5);
  });

  it("survives save and restore with the configuration it loaded", async () => {
    const s = nginxSession();
    await s.run("sudo sed -i 's#root /var/www/html;#root /nowhere;#' /etc/nginx/sites-available/default");
    const again = Session.restore(s.host.serialize(), s.state);
    // Not reloaded: the restored master still serves what it loaded at start.
    expect((await again.run("curl -s -o /dev/null -w '%{http_code}' localhost/")).stdout).toBe("200");
    expect(fs.tryResolve(again.host.state, fs.ROOT, "/run/nginx.pid")).not.toBeNull();
  });
});
