"""A tiny mocha-like registry (describe / it / before) and the case context the ported
cases use for requests and assertions."""
import collections
import contextlib
import re
import threading
import traceback

from lrs_client import Anything, parse_date_ms
from templates import js_stringify

REQ_RE = re.compile(r"XAPI-\d{5}")


class Fail(AssertionError):
    pass


class Node:
    def __init__(self, name, parent=None, na=None, unit=False, reqs=None):
        self.name = name
        self.reqs = reqs or []
        self.parent = parent
        self.na = na
        self.unit = unit
        self.befores = []
        self.ctx = {}
        self.state = None  # None, 'ok', or failure message
        self.lock = threading.Lock()

    def chain(self):
        n, out = self, []
        while n is not None:
            out.append(n)
            n = n.parent
        return list(reversed(out))


class Case:
    def __init__(self, suite, node, name, fn, na=None, reqs=None, source=None):
        self.suite = suite
        self.node = node
        self.name = name
        self.fn = fn
        self.source = source
        chain = node.chain()[1:]  # skip root
        self.path = [n.name for n in chain] + [name]
        self.na = na or next((n.na for n in reversed(chain) if n.na), None)
        ids = []
        for text in self.path:
            for r in REQ_RE.findall(text):
                if r not in ids:
                    ids.append(r)
        for r in [r for n in chain for r in n.reqs] + list(reqs or []):
            if r not in ids:
                ids.append(r)
        self.reqs = ids
        unit = next((n for n in chain if n.unit), chain[1] if len(chain) > 1 else chain[0])
        self.unit = unit

    @property
    def title(self):
        return " > ".join(self.path)


class Registry:
    def __init__(self, version):
        self.version = version
        self.root = Node("")
        self.stack = [self.root]
        self.cases = []
        self.source = None

    @contextlib.contextmanager
    def describe(self, name, na=None, unit=False, reqs=None):
        """reqs: requirement ids the suite gives only in the comment above this describe"""
        node = Node(name, self.stack[-1], na=na, unit=unit, reqs=reqs)
        self.stack.append(node)
        try:
            yield node
        finally:
            self.stack.pop()

    def it(self, name, na=None, reqs=None):
        def deco(fn):
            self.cases.append(Case(self, self.stack[-1], name, fn, na=na, reqs=reqs, source=self.source))
            return fn
        return deco

    def before(self, fn):
        self.stack[-1].befores.append(fn)
        return fn


class T:
    """Context handed to each case (and before hook)."""

    def __init__(self, lrs, tpl, node, version):
        self.lrs = lrs
        self.tpl = tpl
        self.node = node
        self.version = version
        self.dry = lrs.dry_run
        self.ctx = collections.ChainMap(*[n.ctx for n in reversed(node.chain())])

    # -- assertions ------------------------------------------------------------------
    def fail(self, msg):
        if not self.dry:
            raise Fail(msg)

    def ok(self, cond, msg):
        if self.dry:
            return
        if not cond:
            raise Fail(msg)

    def eq(self, got, exp, what="value"):
        if self.dry:
            return
        if got != exp:
            raise Fail("%s: expected %s, got %s" % (what, short(exp), short(got)))

    def status(self, res, *codes):
        if self.dry:
            return res
        if res.status not in codes:
            exp = " or ".join(str(c) for c in codes)
            raise Fail("%s %s: expected status %s, got %s%s" % (
                res.method, shorturl(res.url), exp, res.status, body_hint(res)))
        return res

    def header(self, res, name, value=None, regex=None):
        """super-request .expect(name, value): header present and (when given) equal/matching."""
        if self.dry:
            return
        got = res.headers.get(name)
        if got is None:
            raise Fail("%s %s: missing header %s" % (res.method, shorturl(res.url), name))
        if value is not None and got != value:
            raise Fail("header %s: expected %r, got %r" % (name, value, got))
        if regex is not None and not re.search(regex, got):
            raise Fail("header %s: expected to match /%s/, got %r" % (name, regex, got))

    def json(self, res):
        if self.dry:
            return Anything()
        try:
            return res.json()
        except ValueError:
            raise Fail("%s %s: body is not JSON: %r" % (res.method, shorturl(res.url), res.text[:120]))

    def is_date(self, s, what):
        if self.dry:
            return
        if parse_date_ms(s) is None:
            raise Fail("%s is not a parseable date: %r" % (what, s))

    # -- request shortcuts (super-request style: version + basic auth added) ---------------
    def req(self, method, path, **kw):
        return self.lrs.request(method, path, **kw)

    def get(self, path, **kw):
        return self.lrs.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.lrs.request("POST", path, **kw)

    def put(self, path, **kw):
        return self.lrs.request("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.lrs.request("DELETE", path, **kw)

    def head(self, path, **kw):
        return self.lrs.request("HEAD", path, **kw)

    def statement(self, *items):
        return self.tpl.statement(*items)

    def delay(self, stmt_time_ms, query=None, sid=None):
        self.lrs.gen_delay(stmt_time_ms, query, sid)


def short(v, n=100):
    try:
        s = v if isinstance(v, str) else js_stringify(v)
    except (TypeError, ValueError):
        s = repr(v)
    s = repr(s) if isinstance(v, str) else s
    return s if len(s) <= n else s[:n] + "..."


def shorturl(u):
    m = re.match(r"https?://[^/]+(/.*)?", u)
    s = (m.group(1) or "/") if m else u
    return s if len(s) <= 90 else s[:90] + "..."


def body_hint(res):
    t = (res.text or "").strip().replace("\n", " ")
    return (" (%s)" % t[:100]) if t else ""


def run_case(case, lrs, tpl, version):
    """Returns (outcome, reason) with outcome in 'pass', 'fail'."""
    for node in case.node.chain():
        with node.lock:
            if node.state is None:
                node.state = "ok"
                for hook in node.befores:
                    try:
                        hook(T(lrs, tpl, node, version))
                    except Fail as e:
                        node.state = "before hook failed: %s" % e
                        break
                    except Exception as e:  # noqa: BLE001
                        node.state = "before hook error: %s" % describe_exc(e)
                        break
            if node.state != "ok":
                return "fail", node.state
    t = T(lrs, tpl, case.node, version)
    try:
        case.fn(t)
    except Fail as e:
        return "fail", str(e)
    except Exception as e:  # noqa: BLE001
        return "fail", describe_exc(e)
    return "pass", ""


def describe_exc(e):
    import requests
    if isinstance(e, requests.RequestException):
        return "request error: %s" % (str(e)[:200],)
    tb = traceback.extract_tb(e.__traceback__)
    where = ("%s:%d" % (tb[-1].filename.split("/")[-1], tb[-1].lineno)) if tb else ""
    return "%s: %s (%s)" % (type(e).__name__, str(e)[:200], where)
