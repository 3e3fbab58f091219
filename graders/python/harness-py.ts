/**
 * The trusted Python side of the harness, defined as module `_prodloop`
 * before the memory snapshot is taken (so it costs nothing per isolate).
 *
 *   load(source, entry) -> JSON text
 *       {"k":"ready"} | {"k":"compile","message","line","col"} |
 *       {"k":"error","name","message","stack","line"?,"col"?}
 *   call(args_json) -> JSON text
 *       {"k":"ok","v":value} | {"k":"error",...} | {"k":"memory"}
 *
 * The candidate's code runs as module "solution" (file "solution.py"), so an
 * `if __name__ == "__main__":` block does not run. Results cross as strict
 * JSON: list/tuple -> array, dict with str keys -> object, None -> null;
 * anything else (sets, custom objects, NaN, non-str keys) is a runtime error
 * naming the path, rather than a silent conversion the host would mis-grade.
 * Tracebacks keep only frames in solution.py.
 */
import { MAX_RESULT_BYTES } from "../limits.ts";

export const HARNESS_MODULE = "_prodloop";

export const HARNESS_PY = String.raw`
import sys, json, math, types, linecache, traceback

# Checked here as well as in JS: a huge str would cost seconds to cross into JS first.
MAX_RESULT = ${MAX_RESULT_BYTES}
FILENAME = "solution.py"
_entry = None

def _frames_only_solution(te):
    seen = set()
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == FILENAME])
        for chained in (te.__cause__, te.__context__):
            if chained is not None:
                _frames_only_solution(chained)
        te = None

def _error(e):
    te = traceback.TracebackException.from_exception(e)
    _frames_only_solution(te)
    text = "".join(te.format())
    if not te.stack:
        text = "".join(te.format_exception_only())
    out = {"k": "error", "name": type(e).__name__, "message": "".join(te.format_exception_only()).strip(), "stack": text.rstrip("\n")}
    if te.stack:
        last = te.stack[-1]
        out["line"] = last.lineno
        if getattr(last, "colno", None) is not None:
            out["col"] = last.colno + 1
    return out

def _flush():
    for s in (sys.stdout, sys.stderr):
        try:
            s.flush()
        except BaseException:
            pass

def _dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

def load(source, entry):
    global _entry
    _entry = None
    lines = source.splitlines(True)
    linecache.cache[FILENAME] = (len(source), None, lines, FILENAME)
    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        if isinstance(e, SyntaxError):
            msg = "".join(traceback.format_exception_only(e)).rstrip("\n")
            return _dumps({"k": "compile", "message": msg, "line": e.lineno, "col": e.offset})
        return _dumps({"k": "compile", "message": f"{type(e).__name__}: {e}"})
    # random was imported before the snapshot, so every interpreter would start
    # from the same state; reseed from this isolate's own entropy as a fresh
    # CPython would (string hashing keeps the snapshot's fixed secret).
    if "random" in sys.modules:
        sys.modules["random"].seed()
    mod = types.ModuleType("solution")
    mod.__file__ = FILENAME
    sys.modules["solution"] = mod
    try:
        exec(code, mod.__dict__)
    except MemoryError:
        return _dumps({"k": "memory"})
    except BaseException as e:
        return _dumps(_error(e))
    finally:
        _flush()
    fn = mod.__dict__.get(entry)
    if fn is None:
        return _dumps({"k": "compile", "message": f"NameError: the entry function '{entry}' is not defined in solution.py"})
    if not callable(fn):
        return _dumps({"k": "compile", "message": f"TypeError: '{entry}' in solution.py is not a function"})
    _entry = fn
    return _dumps({"k": "ready"})

class _NotJson(Exception):
    pass

def _plain(v, path):
    # Strict conversion: bool before int (bool is an int subclass).
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        if math.isfinite(v):
            return float(v)
        raise _NotJson(f"{path or 'return value'} is {v!r}, which JSON cannot represent")
    if isinstance(v, (list, tuple)):
        return [_plain(x, f"{path}[{i}]") for i, x in enumerate(v)]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise _NotJson(f"{path or 'return value'} has a key of type {type(k).__name__} ({k!r}); only str keys become JSON object keys")
            out[k] = _plain(x, f"{path}[{k!r}]")
        return out
    raise _NotJson(f"{path or 'return value'} has type {type(v).__name__}, which does not convert to JSON (use list, tuple, dict, str, int, float, bool or None)")

def call(args_json):
    if _entry is None:
        return _dumps({"k": "error", "name": "RuntimeError", "message": "RuntimeError: no solution loaded", "stack": "RuntimeError: no solution loaded"})
    args = json.loads(args_json)
    try:
        result = _entry(*args)
    except MemoryError:
        return _dumps({"k": "memory"})
    except BaseException as e:
        return _dumps(_error(e))
    finally:
        _flush()
    try:
        text = _dumps({"k": "ok", "v": _plain(result, "")})
        return text if len(text) <= MAX_RESULT else '{"k":"result"}'
    except _NotJson as e:
        msg = f"TypeError: {e}"
        return _dumps({"k": "error", "name": "TypeError", "message": msg, "stack": msg})
    except RecursionError:
        msg = "TypeError: return value is nested too deeply to convert to JSON"
        return _dumps({"k": "error", "name": "TypeError", "message": msg, "stack": msg})
    except MemoryError:
        return _dumps({"k": "memory"})
`;

/** Standard-library modules imported before the snapshot, so importing them costs nothing per submission. */
export const PRELOADED_MODULES = [
  "collections", "heapq", "bisect", "itertools", "functools", "math", "re", "typing",
  "dataclasses", "json", "datetime", "string", "operator", "copy", "statistics", "decimal",
  "fractions", "enum", "abc", "random", "time", "ipaddress", "textwrap", "array", "contextlib",
];
