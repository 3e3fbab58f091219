// Bug: (~0 << 32) is ~0 in JavaScript (shift counts are taken mod 32), so the
// /0 mask keeps every bit and a /0 rule matches only 0.0.0.0.
function firewallAllows(rules, ips) {
  const toInt = (s) => {
    const p = s.split(".").map(Number);
    return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
  };
  const maskOf = (len) => (~0 << (32 - len)) >>> 0;
  const byLen = new Map();
  for (const rule of rules) {
    const [action, cidr] = rule.split(" ");
    const [addr, lenText] = cidr.split("/");
    const len = Number(lenText);
    const net = (toInt(addr) & maskOf(len)) >>> 0;
    if (!byLen.has(len)) byLen.set(len, new Map());
    const m = byLen.get(len);
    m.set(net, action === "deny" || m.get(net) === true);
  }
  const lens = [...byLen.keys()].sort((x, y) => y - x);
  return ips.map((ip) => {
    const a = toInt(ip);
    for (const len of lens) {
      const d = byLen.get(len).get((a & maskOf(len)) >>> 0);
      if (d !== undefined) return !d;
    }
    return false;
  });
}
