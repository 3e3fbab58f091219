// Correct rules, but recounts every distinct IP by rescanning all lines:
// O(lines x distinct IPs).
function firstField(line) {
  const fields = line.trim().split(/\s+/);
  return fields[0];
}

function isValidIp(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function toNumber(ip) {
  return ip.split(".").reduce((acc, p) => acc * 256 + Number(p), 0);
}

function topKIps(lines, k) {
  const distinct = [];
  const seen = new Set();
  for (const line of lines) {
    const ip = firstField(line);
    if (ip && isValidIp(ip) && !seen.has(ip)) {
      seen.add(ip);
      distinct.push(ip);
    }
  }
  const counted = distinct.map((ip) => {
    let count = 0;
    for (const line of lines) if (firstField(line) === ip) count++;
    return { ip, count };
  });
  counted.sort((a, b) => b.count - a.count || toNumber(a.ip) - toNumber(b.ip));
  return counted.slice(0, k).map((c) => c.ip);
}
