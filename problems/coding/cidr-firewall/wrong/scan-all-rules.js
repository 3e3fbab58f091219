// Correct longest-prefix semantics, but every address is compared with every rule.
function firewallAllows(rules, ips) {
  const toInt = (s) => s.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const parsed = rules.map((r) => {
    const [action, cidr] = r.split(" ");
    const [addr, len] = cidr.split("/");
    const size = 2 ** (32 - Number(len));
    const start = Math.floor(toInt(addr) / size) * size;
    return { deny: action === "deny", len: Number(len), start, end: start + size };
  });
  return ips.map((ip) => {
    const a = toInt(ip);
    let bestLen = -1;
    let denied = false;
    for (const r of parsed) {
      if (a < r.start || a >= r.end) continue;
      if (r.len > bestLen) {
        bestLen = r.len;
        denied = r.deny;
      } else if (r.len === bestLen && r.deny) {
        denied = true;
      }
    }
    return bestLen >= 0 && !denied;
  });
}
