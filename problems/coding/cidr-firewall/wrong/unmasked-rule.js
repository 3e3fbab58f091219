// Bug: the rule's own address is not masked, so a rule written with host bits
// set (10.1.2.3/8) is stored under a network no masked address can equal.
function firewallAllows(rules, ips) {
  const toInt = (s) => {
    const p = s.split(".").map(Number);
    return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
  };
  const maskOf = (len) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
  const byLen = new Map();
  for (const rule of rules) {
    const [action, cidr] = rule.split(" ");
    const [addr, lenText] = cidr.split("/");
    const len = Number(lenText);
    const net = toInt(addr);
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
