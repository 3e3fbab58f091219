function firewallAllows(rules, ips) {
  const toInt = (s) => {
    const p = s.split(".");
    return ((+p[0] << 24) | (+p[1] << 16) | (+p[2] << 8) | +p[3]) >>> 0;
  };
  const maskOf = (len) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);

  // byLen[len]: network -> true if any deny rule names it, false if only allows.
  const byLen = [];
  for (const rule of rules) {
    const space = rule.indexOf(" ");
    const slash = rule.indexOf("/");
    const len = +rule.slice(slash + 1);
    const net = (toInt(rule.slice(space + 1, slash)) & maskOf(len)) >>> 0;
    const deny = rule.charCodeAt(0) === 100; // "d"
    if (!byLen[len]) byLen[len] = new Map();
    const m = byLen[len];
    m.set(net, deny || m.get(net) === true);
  }
  const lens = [];
  for (let len = 32; len >= 0; len--) if (byLen[len]) lens.push(len);

  return ips.map((ip) => {
    const a = toInt(ip);
    for (const len of lens) {
      const d = byLen[len].get((a & maskOf(len)) >>> 0);
      if (d !== undefined) return !d;
    }
    return false;
  });
}
