import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { intermediate, issueLeaf, rootPem, trustedRoots } from "./ca.ts";
import { sha1, sha256, hex } from "./hash.ts";
import { x509Text } from "./text.ts";
import { nameMatches, verifyChain } from "./verify.ts";
import { certsInPem, keyModulus, sameBytes } from "./x509.ts";

/** x509 -text of these exact certificates as the real OpenSSL 3.0 prints it (fixtures/). */
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "latin1");
const NOT_BEFORE = Date.UTC(2026, 7, 25, 12);
const NOT_AFTER = Date.UTC(2026, 10, 23, 11, 59, 59);
const leaf = issueLeaf("fixture", ["shop.example.com", "www.shop.example.com"], NOT_BEFORE, NOT_AFTER, intermediate("R11"));

describe("simulated certificates", () => {
  it("hashes like SHA-1 and SHA-256", () => {
    expect(hex(sha256("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha1("abc"))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    // 55/56/64 bytes straddle the padding block boundary.
    expect(hex(sha256("x".repeat(56)))).toBe("04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  });

  it("prints x509 -text exactly as OpenSSL 3.0 does, for leaf, intermediate and root", () => {
    expect(x509Text(certsInPem(leaf.cert)[0]!)).toBe(fixture("leaf.text.txt"));
    expect(x509Text(certsInPem(intermediate("R11").pem)[0]!)).toBe(fixture("r11.text.txt"));
    expect(x509Text(certsInPem(rootPem())[0]!)).toBe(fixture("root.text.txt"));
  });

  it("is deterministic per seed and keeps cert and key together", () => {
    expect(issueLeaf("fixture", ["shop.example.com", "www.shop.example.com"], NOT_BEFORE, NOT_AFTER, intermediate("R11"))).toEqual(leaf);
    const other = issueLeaf("other", ["shop.example.com"], NOT_BEFORE, NOT_AFTER, intermediate("R11"));
    expect(other.cert).not.toBe(leaf.cert);
    expect(sameBytes(keyModulus(leaf.privkey)!, certsInPem(leaf.cert)[0]!.modulus)).toBe(true);
    expect(sameBytes(keyModulus(other.privkey)!, certsInPem(leaf.cert)[0]!.modulus)).toBe(false);
    expect(certsInPem(leaf.fullchain).map((c) => c.subject.at(-1)?.[1])).toEqual(["shop.example.com", "R11"]);
  });

  it("verifies the chain against the trusted root and the clock", () => {
    const chain = certsInPem(leaf.fullchain);
    expect(trustedRoots()).toHaveLength(1);
    const ok = verifyChain(chain, NOT_AFTER - 1000);
    expect([ok.code, ok.steps.map((s) => s.depth)]).toEqual([0, [2, 1, 0]]);
    expect(verifyChain(chain, NOT_AFTER + 1000)).toMatchObject({ code: 10, text: "certificate has expired" });
    expect(verifyChain(chain, NOT_BEFORE - 1000)).toMatchObject({ code: 9, text: "certificate is not yet valid" });
    expect(verifyChain(certsInPem(leaf.cert), NOT_AFTER - 1000)).toMatchObject({ code: 21, text: "unable to verify the first certificate" });
    expect(nameMatches(chain[0]!, "www.shop.example.com")).toBe(true);
    expect(nameMatches(chain[0]!, "example.com")).toBe(false);
  });
});
