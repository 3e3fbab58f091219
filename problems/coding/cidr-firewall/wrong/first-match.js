// Bug: evaluates rules in order like an iptables chain (first match wins).
// Fast enough: rules are grouped by prefix length and the earliest index wins.
function firewallAllows(rules, ips) {
  const toInt = (s) => {
    const p = s.split(".").map(Number);
    return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
  };
  const maskOf = (len) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
  const byLen = new Map(); // len -> net -> index of first rule
  rules.forEach((rule, i) => {
    const [, cidr] = rule.split(" ");
    const [addr, lenText] = cidr.split("/");
    const len = Number(lenText);
    const net = (toInt(addr) & maskOf(len)) >>> 0;
    if (!byLen.has(len)) byLen.set(len, new Map());
    if (!byLen.get(len).has(net)) byLen.get(len).set(net, i);
  });
  return ips.map((ip) => {
    const a = toInt(ip);
    let first = -1;
    for (const [len, m] of byLen) {
      const i = m.get((a & maskOf(len)) >>> 0);
      if (i !== undefined && (first === -1 || i < first)) first = i;
    }
    return first !== -1 && rules[first].startsWith("allow");
  });
}
