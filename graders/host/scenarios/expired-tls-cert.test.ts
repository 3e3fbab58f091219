import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "expired-tls-cert";
const SEEDS = [1, 2, 3, 42, 1234];
const LIVE = "/etc/letsencrypt/live/shop.example.com";
const SITE = "/etc/nginx/sites-available/shop";

const RUNNING = "nginx.service is running";
const VALID = "https://shop.example.com presents a valid certificate";
const HTTPS = "The shop answers over HTTPS";
const ALL = [RUNNING, VALID, HTTPS];

const served = (run: ScenarioRun): Promise<string> =>
  type(run, "echo | openssl s_client -connect shop.example.com:443 -servername shop.example.com 2>/dev/null | openssl x509 -noout -serial -enddate");
const onDisk = (run: ScenarioRun): Promise<string> => type(run, `sudo openssl x509 -in ${LIVE}/fullchain.pem -noout -serial -enddate`);

describe("scenario expired-tls-cert", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([VALID]);
    const r = await run.session.run("curl -I https://shop.example.com/");
    expect(r).toEqual({
      stdout: "", exitCode: 60,
      stderr: "curl: (60) SSL certificate problem: certificate has expired\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n",
    });
    expect(await type(run, "curl -skI https://shop.example.com/")).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.22\.1\r\n/);
    const s = await run.session.run("openssl s_client -connect shop.example.com:443 -servername shop.example.com");
    expect(s.stdout).toMatch(/^CONNECTED\(00000003\)\n---\nCertificate chain\n 0 s:CN = shop\.example\.com\n   i:C = US, O = Let's Encrypt, CN = R1[01]\n/);
    expect(s.stdout).toContain("Verification error: certificate has expired\n");
    expect(s.stdout).toContain("Verify return code: 10 (certificate has expired)\n");
    expect(s.stderr).toMatch(/depth=0 CN = shop\.example\.com\nverify error:num=10:certificate has expired\nnotAfter=\w{3} [ \d]\d \d\d:\d\d:\d\d 2026 GMT\nverify return:1\n/);
    // What is served and what is on disk differ: the renewal never reached nginx.
    const [servedCert, diskCert] = [await served(run), await onDisk(run)];
    expect(servedCert).toMatch(/^serial=[0-9A-F]+\nnotAfter=\w{3} [ \d]\d \d\d:\d\d:\d\d 2026 GMT\n$/);
    expect(diskCert).toMatch(/^serial=[0-9A-F]+\nnotAfter=\w{3} [ \d]\d \d\d:\d\d:\d\d 2027 GMT\n$/);
    expect(servedCert.split("\n")[0]).not.toBe(diskCert.split("\n")[0]);
    expect(await type(run, `sudo readlink ${LIVE}/fullchain.pem`)).toBe("../../archive/shop.example.com/fullchain2.pem\n");
    expect(await type(run, `ls ${LIVE}`)).toBe(`ls: cannot access '${LIVE}': Permission denied\n`);
    expect(await type(run, "sudo nginx -t")).toBe("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    expect(await type(run, "sudo journalctl | grep COMMAND=")).toContain("COMMAND=/usr/bin/certbot renew\n");
    // certbot only knows the files: they are fine.
    expect((await run.session.run("sudo certbot certificates")).stdout).toMatch(/\n    Domains: shop\.example\.com www\.shop\.example\.com\n    Expiry Date: 2027-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 \(VALID: 8\d days\)\n    Certificate Path: \/etc\/letsencrypt\/live\/shop\.example\.com\/fullchain\.pem\n/);
    expect((await run.session.run("sudo certbot renew")).stdout).toContain("Certificate not yet due for renewal\n");
    // curl -v says which certificate it was handed and why it gave up.
    const verbose = await run.session.run("curl -v https://shop.example.com/");
    expect(verbose.stderr).toMatch(/^\*   Trying 127\.0\.1\.1:443\.\.\.\n\* Connected to shop\.example\.com \(127\.0\.1\.1\) port 443 \(#0\)\n\* ALPN: offers h2,http\/1\.1\n/);
    expect(verbose.stderr).toContain("* TLSv1.3 (OUT), TLS alert, certificate expired (557):\n* SSL certificate problem: certificate has expired\n* Closing connection 0\ncurl: (60) SSL certificate problem: certificate has expired\n");
    const insecure = await run.session.run("curl -kv https://shop.example.com/");
    expect(insecure.stderr).toMatch(/\n\* Server certificate:\n\*  subject: CN=shop\.example\.com\n\*  start date: .* 2026 GMT\n\*  expire date: .* 2026 GMT\n\*  subjectAltName: host "shop\.example\.com" matched cert's "shop\.example\.com"\n\*  issuer: C=US; O=Let's Encrypt; CN=R1[01]\n\*  SSL certificate verify result: certificate has expired \(10\), continuing anyway\.\n/);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    const disk = await onDisk(run);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await served(run)).toBe(disk);
    expect(await type(run, "curl -s -o /dev/null -w '%{http_code}' https://shop.example.com/")).toBe("200");
    const s = await run.session.run("echo | openssl s_client -connect shop.example.com:443 -servername shop.example.com");
    expect(s.stdout).toContain("Verification: OK\n");
    expect(s.stdout).toContain("Verify return code: 0 (ok)\n");
    run.session.host.advance(5 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by a restart, by nginx -s reload and by SIGHUP to the master", async () => {
    for (const fix of [["sudo systemctl restart nginx"], ["sudo nginx -s reload"], ["sudo kill -HUP $(cat /run/nginx.pid)"]]) {
      const run = startScenario(SLUG, 5);
      await type(run, ...fix);
      expect(failing(run)).toEqual([]);
    }
  }, 30_000);

  it("is not solved by serving the leaf without its chain", async () => {
    const run = startScenario(SLUG, 6);
    await type(run, `sudo sed -i 's#${LIVE}/fullchain.pem#${LIVE}/cert.pem#' ${SITE}`, "sudo systemctl reload nginx");
    const s = await run.session.run("echo | openssl s_client -connect shop.example.com:443 -servername shop.example.com");
    expect(s.stdout).toContain("Verify return code: 21 (unable to verify the first certificate)\n");
    expect(s.stderr).toContain("depth=0 CN = shop.example.com\nverify error:num=20:unable to get local issuer certificate\nverify return:1\n");
    expect(await type(run, "curl -sS https://shop.example.com/")).toBe("curl: (60) SSL certificate problem: unable to verify the first certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n");
    expect(failing(run)).toEqual([VALID]);
  });

  it("refuses a renewed certificate with the old key, and a reload then keeps the old state", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, `sudo sed -i 's#${LIVE}/privkey.pem#/etc/letsencrypt/archive/shop.example.com/privkey1.pem#' ${SITE}`);
    expect(await type(run, "sudo nginx -t")).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] (\d+)#\1: SSL_CTX_use_PrivateKey\("\/etc\/letsencrypt\/archive\/shop\.example\.com\/privkey1\.pem"\) failed \(SSL: error:05800074:x509 certificate routines::key values mismatch\)\nnginx: configuration file \/etc\/nginx\/nginx\.conf test failed\n$/);
    expect((await run.session.run("sudo systemctl reload nginx")).exitCode).toBe(1);
    expect(await type(run, "systemctl is-active nginx")).toBe("active\n");
    expect(failing(run)).toEqual([VALID]);
  });

  it("is not solved by stopping TLS on 443", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, `sudo sed -i 's/listen 443 ssl;/listen 443;/; s/listen \\[::\\]:443 ssl;/listen [::]:443;/' ${SITE}`, "sudo systemctl restart nginx");
    expect(await type(run, "curl -sS https://shop.example.com/")).toBe("curl: (35) OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number\n");
    expect(failing(run)).toEqual([VALID, HTTPS]);
  });

  it("produces byte-identical certificates per seed, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    await type(again, "sudo systemctl reload nginx");
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  }, 30_000);
});
