# Repeats "find every service whose dependencies have all started, start the
# smallest". Correct, but each step rechecks every service and every edge:
# O(V * (V + E)).


def start_order(deps: dict[str, list[str]]) -> list[str] | None:
    services = set(deps)
    for lst in deps.values():
        services.update(lst)
    started: set[str] = set()
    order: list[str] = []
    while len(order) < len(services):
        ready = [s for s in services if s not in started and all(d in started for d in deps.get(s, []))]
        if not ready:
            return None
        first = min(ready)
        started.add(first)
        order.append(first)
    return order
