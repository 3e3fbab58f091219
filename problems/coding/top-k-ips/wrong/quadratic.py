# Correct rules, but recounts every distinct IP by rescanning all lines:
# O(lines x distinct IPs).


def first_field(line: str) -> str:
    fields = line.split()
    return fields[0] if fields else ""


def valid(ip: str) -> bool:
    parts = ip.split(".")
    return len(parts) == 4 and all(
        p.isascii() and p.isdigit() and len(p) <= 3 and (p == "0" or p[0] != "0") and int(p) <= 255 for p in parts
    )


def to_number(ip: str) -> int:
    a, b, c, d = (int(p) for p in ip.split("."))
    return (a << 24) | (b << 16) | (c << 8) | d


def top_k_ips(lines: list[str], k: int) -> list[str]:
    distinct = []
    seen = set()
    for line in lines:
        ip = first_field(line)
        if ip and valid(ip) and ip not in seen:
            seen.add(ip)
            distinct.append(ip)
    counted = [(sum(1 for line in lines if first_field(line) == ip), ip) for ip in distinct]
    counted.sort(key=lambda c: (-c[0], to_number(c[1])))
    return [ip for _, ip in counted[:k]]
