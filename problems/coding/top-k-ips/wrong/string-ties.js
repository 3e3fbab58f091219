// Validates correctly but breaks count ties by string comparison, so
// "10.0.0.1" comes before "9.0.0.1".
function topKIps(lines, k) {
  const counts = new Map();
  for (const line of lines) {
    const ip = line.trim().split(/\s+/)[0];
    if (!ip) continue;
    const parts = ip.split(".");
    if (parts.length !== 4) continue;
    if (!parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) continue;
    counts.set(ip, (counts.get(ip) || 0) + 1);
  }
  return [...counts.keys()]
    .sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, k);
}
