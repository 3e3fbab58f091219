// Bug: for two rules with the same prefix, the later one overrides the earlier
// one, instead of deny winning the tie.
function firewallAllows(rules, ips) {
  const toInt = (s) => {
    const p = s.split(".").map(Number);
    return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
  };
  const maskOf = (len) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
  const table = new Map(); // "len/net" -> allow?
  const lens = new Set();
  for (const rule of rules) {
    const [action, cidr] = rule.split(" ");
    const [addr, lenText] = cidr.split("/");
    const len = Number(lenText);
    lens.add(len);
    table.set(len + "/" + ((toInt(addr) & maskOf(len)) >>> 0), action === "allow");
  }
  const order = [...lens].sort((x, y) => y - x);
  return ips.map((ip) => {
    const a = toInt(ip);
    for (const len of order) {
      const v = table.get(len + "/" + ((a & maskOf(len)) >>> 0));
      if (v !== undefined) return v;
    }
    return false;
  });
}
