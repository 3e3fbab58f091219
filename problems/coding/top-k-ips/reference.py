# Count requests per valid IPv4 client address, then sort by count descending
# and numeric address ascending. O(n + d log d) for n lines and d distinct
# addresses.
import re

# JavaScript's whitespace (what the statement's "whitespace" means), spelled
# out: Python's str.split()/isspace() differ on \x1c-\x1f, \x85 and \ufeff.
_WS = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
FIRST_FIELD = re.compile(f"[{_WS}]*([^{_WS}]+)")
OCTET = re.compile(r"0|[1-9][0-9]{0,2}")


def parse_ipv4(s: str) -> int:
    """Numeric value of a dotted IPv4 address, or -1 when it is not valid."""
    parts = s.split(".")
    if len(parts) != 4:
        return -1
    value = 0
    for p in parts:
        # An ASCII regex, not str.isdigit()/int(), which accept "٣" or "1_0".
        if OCTET.fullmatch(p) is None or int(p) > 255:
            return -1
        value = value * 256 + int(p)
    return value


def top_k_ips(lines: list[str], k: int) -> list[str]:
    counts: dict[str, int] = {}
    invalid: set[str] = set()
    match = FIRST_FIELD.match
    for line in lines:
        m = match(line)
        if m is None:
            continue  # empty or only whitespace
        ip = m.group(1)
        if ip in counts:
            counts[ip] += 1
        elif ip not in invalid:
            if parse_ipv4(ip) < 0:
                invalid.add(ip)
            else:
                counts[ip] = 1
    ranked = sorted(counts, key=lambda ip: (-counts[ip], parse_ipv4(ip)))
    return ranked[: max(k, 0)]  # a negative k gives [], as in the JS loop
