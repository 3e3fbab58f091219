# Validates correctly but breaks count ties by string comparison, so
# "10.0.0.1" comes before "9.0.0.1".
from collections import Counter


def valid(ip: str) -> bool:
    parts = ip.split(".")
    return len(parts) == 4 and all(
        p.isascii() and p.isdigit() and len(p) <= 3 and (p == "0" or p[0] != "0") and int(p) <= 255 for p in parts
    )


def top_k_ips(lines: list[str], k: int) -> list[str]:
    counts = Counter()
    for line in lines:
        fields = line.split(None, 1)
        if fields:
            counts[fields[0]] += 1
    good = [ip for ip in counts if valid(ip)]
    return sorted(good, key=lambda ip: (-counts[ip], ip))[:k]
