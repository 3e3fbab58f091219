# An OrderedDict keeps keys in recency order: move_to_end marks a key most
# recently used, popitem(last=False) evicts the least recently used. O(1) per op.
from collections import OrderedDict


def lru_cache(capacity: int, ops: list[str]) -> list[int]:
    cache: OrderedDict[str, int] = OrderedDict()
    out: list[int] = []
    for op in ops:
        parts = op.split(" ")
        key = parts[1]
        if parts[0] == "get":
            if key in cache:
                cache.move_to_end(key)
                out.append(cache[key])
            else:
                out.append(-1)
        else:
            value = int(parts[2])
            if key in cache:
                cache.move_to_end(key)
            elif len(cache) >= capacity:
                if capacity == 0:
                    continue
                cache.popitem(last=False)
            cache[key] = value
    return out
