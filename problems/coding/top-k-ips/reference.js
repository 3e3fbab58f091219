// Count requests per valid IPv4 client address, then sort by count
// descending and numeric address ascending. O(n + d log d) for n lines and
// d distinct addresses.

function isSpace(c) {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

// Numeric value of a dotted IPv4 address, or -1 when it is not valid.
function parseIpv4(s) {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46; // treat the end as a dot
    if (c === 46) {
      if (digits === 0 || octet > 255) return -1;
      value = value * 256 + octet;
      dots++;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) return -1; // leading zero
      if (++digits > 3) return -1;
      octet = octet * 10 + (c - 48);
    } else {
      return -1;
    }
  }
  return dots === 4 ? value : -1;
}

function topKIps(lines, k) {
  const index = new Map(); // ip -> slot
  const ips = [];
  const counts = [];
  const values = [];
  for (const line of lines) {
    let start = 0;
    while (start < line.length && isSpace(line.charCodeAt(start))) start++;
    let end = start;
    while (end < line.length && !isSpace(line.charCodeAt(end))) end++;
    if (end === start) continue;
    const ip = start === 0 && end === line.length ? line : line.slice(start, end);
    const slot = index.get(ip);
    if (slot !== undefined) {
      counts[slot]++;
      continue;
    }
    const value = parseIpv4(ip);
    if (value < 0) continue;
    index.set(ip, ips.length);
    ips.push(ip);
    counts.push(1);
    values.push(value);
  }
  const order = ips.map((_, i) => i);
  order.sort((a, b) => counts[b] - counts[a] || values[a] - values[b]);
  const out = [];
  for (let i = 0; i < order.length && i < k; i++) out.push(ips[order[i]]);
  return out;
}
