import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, runAll } from "../../testkit.ts";
import { intermediate, issueLeaf } from "../../net/tls/ca.ts";

/** Fields as the real OpenSSL 3.0 prints them for the fixture certificate (net/tls/fixtures). */
const FIELDS = readFileSync(new URL("../../net/tls/fixtures/leaf.fields.txt", import.meta.url), "latin1");
const LEAF = issueLeaf("fixture", ["shop.example.com", "www.shop.example.com"], Date.UTC(2026, 7, 25, 12), Date.UTC(2026, 10, 23, 11, 59, 59), intermediate("R11"));

function session() {
  const s = baseSession();
  fs.createFile(s.host.state, fs.ROOT, "/home/admin/cert.pem", LEAF.fullchain, { uid: 1000, gid: 1000 });
  fs.createFile(s.host.state, fs.ROOT, "/root/secret.pem", LEAF.cert, { mode: 0o600 });
  return s;
}

describe("openssl x509", () => {
  it("prints the fields in command-line order, as OpenSSL does", async () => {
    const s = session();
    const a = await s.run("openssl x509 -in cert.pem -noout -subject -issuer -serial -dates -fingerprint -ext subjectAltName,keyUsage");
    const b = await s.run("openssl x509 -in cert.pem -noout -fingerprint -sha256");
    expect(a.stdout + b.stdout).toBe(FIELDS);
    expect((await s.run("openssl x509 -in cert.pem -noout -enddate -subject -dates")).stdout).toBe("subject=CN = shop.example.com\nnotBefore=Aug 25 12:00:00 2026 GMT\nnotAfter=Nov 23 11:59:59 2026 GMT\n");
  });

  it("reads the first certificate from stdin, and writes it back without -noout", async () => {
    const s = session();
    expect((await s.run("cat cert.pem | openssl x509 -noout -issuer")).stdout).toBe("issuer=C = US, O = Let's Encrypt, CN = R11\n");
    expect((await s.run("openssl x509 -in cert.pem")).stdout).toBe(LEAF.cert);
  });

  it("answers -checkend against the host clock, with OpenSSL's exit status", async () => {
    const s = session();
    // The base host's clock is Nov 25 2026 09:00: the certificate expired two days before.
    expect(await s.run("openssl x509 -in cert.pem -noout -checkend 0")).toEqual({ stdout: "Certificate will expire\n", stderr: "", exitCode: 1 });
    s.host.state.clock.nowMs = Date.UTC(2026, 10, 1);
    expect(await s.run("openssl x509 -in cert.pem -checkend 86400")).toEqual({ stdout: "Certificate will not expire\n", stderr: "", exitCode: 0 });
    expect(await s.run("openssl x509 -in cert.pem -noout -checkend 2592000")).toEqual({ stdout: "Certificate will expire\n", stderr: "", exitCode: 1 });
  });

  it("fails like OpenSSL on missing, unreadable and non-certificate input", async () => {
    const s = session();
    const missing = await runAll(s, "openssl x509 -in nope.pem -noout");
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^Could not open file or uri for loading certificate from nope\.pem\n[0-9A-F]{16}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:\.\.\/crypto\/store\/store_register\.c:237:scheme=file\n[0-9A-F]{16}:error:80000002:system library:file_open:No such file or directory:\.\.\/providers\/implementations\/storemgmt\/file_store\.c:266:calling stat\(nope\.pem\)\nUnable to load certificate\n$/);
    expect((await s.run("openssl x509 -in /root/secret.pem -noout")).stderr).toMatch(/error:8000000D:system library:BIO_new_file:Permission denied:.*calling fopen\(\/root\/secret\.pem, rb\)\n/);
    expect(await s.run("echo garbage | openssl x509 -noout")).toEqual({ stdout: "", stderr: "Could not read certificate from <stdin>\nUnable to load certificate\n", exitCode: 1 });
    expect(await s.run("openssl nosuch")).toEqual({ stdout: "", stderr: "Invalid command 'nosuch'; type \"help\" for a list.\n", exitCode: 1 });
  });
});

describe("openssl s_client", () => {
  it("reports refused connections and unknown names as OpenSSL 3.0 does", async () => {
    const s = session();
    const refused = await s.run("openssl s_client -connect localhost:443");
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/:error:8000006F:system library:BIO_connect:Connection refused:\.\.\/crypto\/bio\/bio_sock2\.c:117:calling connect\(\)\n.*\nconnect:errno=111\n$/);
    const unknown = await s.run("openssl s_client -connect nosuch.invalid:443");
    expect(unknown.stderr).toMatch(/:error:10080002:BIO routines:BIO_lookup_ex:system lib:\.\.\/crypto\/bio\/bio_addr\.c:746:Name or service not known\nconnect:errno=0\n$/);
  });

  it("sees no certificate on a plain-TCP port", async () => {
    const s = session();
    const r = await s.run("openssl s_client -connect 127.0.0.1:22");
    expect(r.stdout).toContain("---\nno peer certificate available\n---\n");
    expect(r.stdout).toContain("SSL handshake has read 5 bytes and written 297 bytes\n");
    expect(r.stderr).toMatch(/:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:/);
  });
});
