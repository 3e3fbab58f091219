# Longest-prefix match: one dict per prefix length (network -> denied?), then
# for each address try the lengths from most to least specific.
# O((rules + ips) * 33) dict lookups at worst.


def firewall_allows(rules: list[str], ips: list[str]) -> list[bool]:
    def to_int(s: str) -> int:
        a, b, c, d = s.split(".")
        return (int(a) << 24) | (int(b) << 16) | (int(c) << 8) | int(d)

    masks = [(0xFFFFFFFF << (32 - n)) & 0xFFFFFFFF for n in range(33)]  # masks[0] == 0

    by_len: dict[int, dict[int, bool]] = {}
    for rule in rules:
        action, cidr = rule.split(" ")
        addr, n_text = cidr.split("/")
        n = int(n_text)
        net = to_int(addr) & masks[n]
        table = by_len.setdefault(n, {})
        # Deny wins a tie between rules naming the same prefix.
        table[net] = action == "deny" or table.get(net, False)

    lens = [(masks[n], by_len[n]) for n in sorted(by_len, reverse=True)]
    out: list[bool] = []
    for ip in ips:
        a = to_int(ip)
        allowed = False  # default deny
        for mask, table in lens:
            denied = table.get(a & mask)
            if denied is not None:
                allowed = not denied
                break
        out.append(allowed)
    return out
