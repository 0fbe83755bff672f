"""HTTP side of the conformance runner: one LRS client (HTTP Basic, version header),
the suite's query encoding (helper.getUrlEncoding), its consistency wait (helper.genDelay)
and multipart/mixed building and parsing (test/multipartParser.js)."""
import base64
import email.utils
import json
import re
import time
import urllib.parse
from datetime import datetime

import requests
from requests.structures import CaseInsensitiveDict

from templates import js_stringify

_UNSET = object()


def encode_uri_component(s):
    return urllib.parse.quote(s, safe="-_.!~*'()")


def get_url_encoding(obj):
    """helper.getUrlEncoding: only object values are JSON'd and percent-encoded;
    strings and numbers go into the query as they are."""
    out = []
    for key, value in obj.items():
        if isinstance(value, (dict, list)) or value is None:
            out.append("%s=%s" % (key, encode_uri_component(js_stringify(value))))
        elif isinstance(value, bool):
            out.append("%s=%s" % (key, "true" if value else "false"))
        else:
            out.append("%s=%s" % (key, value))
    return "&".join(out)


def parse_date_ms(s):
    """Date.parse(): milliseconds since epoch or None (NaN)."""
    if not s or not isinstance(s, str):
        return None
    try:
        d = email.utils.parsedate_to_datetime(s)
        if d is not None:
            return d.timestamp() * 1000
    except (TypeError, ValueError, IndexError):
        pass
    try:
        t = s.strip().replace("Z", "+00:00").replace("z", "+00:00")
        # Python < 3.11 accepts at most 6 fractional digits
        t = re.sub(r"(\.\d{6})\d+", r"\1", t)
        d = datetime.fromisoformat(t)
        if d.tzinfo is None:
            return time.mktime(d.timetuple()) * 1000 + d.microsecond / 1000
        return d.timestamp() * 1000
    except ValueError:
        return None


class Anything:
    """Stand-in for response data in --dry-run: every access succeeds."""

    def __getattr__(self, name):
        return Anything()

    def __getitem__(self, k):
        return Anything()

    def __setitem__(self, k, v):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __contains__(self, x):
        return False

    def __call__(self, *a, **k):
        return Anything()

    def __str__(self):
        return "<dry-run>"

    def __eq__(self, other):
        return True

    def __hash__(self):
        return 0

    def get(self, *a):
        return Anything()

    def keys(self):
        return []

    def items(self):
        return []

    def values(self):
        return []

    __lt__ = __le__ = __gt__ = __ge__ = __eq__

    def __add__(self, o):
        return self

    __radd__ = __sub__ = __rsub__ = __mod__ = __mul__ = __truediv__ = __add__

    def __bool__(self):
        return True


class Response:
    def __init__(self, raw=None, dry=False, method="", url=""):
        self.raw = raw
        self.dry = dry
        self.method, self.url = method, url
        if dry:
            self.status = None
            self.headers = CaseInsensitiveDict()
            self.content = b""
        else:
            self.status = raw.status_code
            self.headers = raw.headers
            self.content = raw.content

    @property
    def text(self):
        if self.dry:
            return ""
        return self.content.decode("utf-8", errors="replace")

    def json(self):
        """Parsed body; raises ValueError when it is not JSON."""
        if self.dry:
            return Anything()
        return json.loads(self.text)

    def maybe_json(self):
        try:
            return self.json()
        except ValueError:
            return None

    def header(self, name):
        if self.dry:
            return Anything()
        return self.headers.get(name)

    def __repr__(self):
        return "%s %s -> %s" % (self.method, self.url, self.status)


class LRS:
    def __init__(self, base, auth, version, dry_run=False, timeout=30, log=None):
        self.base = (base or ("http://dry-run.invalid/xapi" if dry_run else "")).rstrip("/")
        self.auth = auth or ":"
        self.version = version
        self.dry_run = dry_run
        self.timeout = timeout
        self.session = requests.Session()
        self.time_margin = None  # helper.setTimeMargin (ms, suite clock - LRS clock)
        self.max_delay = 60.0  # seconds; cap on helper.genDelay's 10 x (Date - Consistent-Through) wait
        self.requests_built = 0
        self.log = log
        self.show = None  # callback(prepared request) for --show-requests

    # -- headers -------------------------------------------------------------------
    def basic(self, user_pass=None):
        return "Basic " + base64.b64encode((user_pass or self.auth).encode("utf-8")).decode("ascii")

    def url(self, path):
        if path.startswith("http://") or path.startswith("https://"):
            return path
        return self.base + path

    def request(self, method, path, query=None, params=None, json_body=_UNSET, body=_UNSET,
                headers=None, auth=True, version=_UNSET, content_type=_UNSET, style="superrequest"):
        """Send one request.

        path: resource path ('/statements'); query: raw query string (with or without '?');
        params: dict encoded by helper.getUrlEncoding; json_body: object sent as JSON
        (super-request .json()); body: str/bytes sent as is (axios transformRequest semantics
        when style='axios'); headers: extra/overriding headers (value None removes one);
        auth: True (client credentials), False (no Authorization), or 'user:pass';
        version: X-Experience-API-Version value, None to omit.
        """
        url = self.url(path)
        if params is not None:
            # the suite always writes "?" + getUrlEncoding(params), even for {}
            url += "?" + get_url_encoding(params) + (("&" + query.lstrip("?")) if query else "")
        elif query:
            url += "?" + query.lstrip("?")
        h = {}
        if style == "axios":
            h["Accept"] = "application/json, text/plain, */*"
            h["Content-Type"] = "application/json"
        v = self.version if version is _UNSET else version
        if v is not None:
            h["X-Experience-API-Version"] = v
        if auth is True:
            h["Authorization"] = self.basic()
        elif isinstance(auth, str):
            h["Authorization"] = self.basic(auth)
        data = None
        if json_body is not _UNSET:
            data = js_stringify(json_body).encode("utf-8")
            h["Content-Type"] = "application/json"
            if style == "superrequest":
                h["Accept"] = "application/json"  # the request library adds it for .json()
        elif body is not _UNSET and body is not None:
            data = body
        if content_type is not _UNSET:
            h["Content-Type"] = content_type
        for k, val in (headers or {}).items():
            for existing in [x for x in h if x.lower() == k.lower()]:
                del h[existing]
            if val is not None:
                h[k] = val
        if style == "axios" and body is not _UNSET:
            data = self._axios_body(body, h)
        if method.upper() in ("GET", "HEAD", "DELETE") and data is None and style == "axios":
            # axios drops Content-Type when there is no body
            for existing in [x for x in h if x.lower() == "content-type"]:
                del h[existing]
        if isinstance(data, str):
            data = data.encode("utf-8")
        prepared = requests.Request(method.upper(), url, headers=h, data=data).prepare()
        prepared.url = url  # keep the suite's own (un-normalised) encoding
        self.requests_built += 1
        if self.show:
            self.show(prepared)
        if self.dry_run:
            return Response(dry=True, method=method.upper(), url=url)
        raw = self.session.send(prepared, timeout=self.timeout, allow_redirects=False)
        res = Response(raw, method=method.upper(), url=url)
        if self.log:
            self.log(res)
        return res

    @staticmethod
    def _axios_body(document, h):
        ct = ""
        for k, val in h.items():
            if k.lower() == "content-type":
                ct = val or ""
        if document is None:
            return None
        if isinstance(document, (bytes, bytearray)):
            return bytes(document)
        if isinstance(document, dict) and "application/x-www-form-urlencoded" in ct:
            return to_urlencoded_form(document)
        if isinstance(document, (dict, list)) or "application/json" in ct:
            if isinstance(document, str):
                try:
                    json.loads(document)
                    return document.strip()
                except ValueError:
                    pass
            return js_stringify(document)
        if isinstance(document, (int, float, bool)):
            return str(document)
        return document

    # axios-style helpers (test/v2_0/util/requests.js)
    def ax(self, method, path, document=_UNSET, params=None, headers=None, query=None):
        kw = {}
        if document is not _UNSET:
            kw["body"] = document
        return self.request(method, path, params=params, query=query, headers=headers, style="axios", **kw)

    # -- consistency ----------------------------------------------------------------
    def set_time_margin(self, templates):
        """helper.setTimeMargin: suite time minus the `stored` the LRS gives a statement."""
        if self.dry_run or self.time_margin is not None:
            return
        from templates import generate_uuid
        stmt = templates.statement({"statement": "{{statements.default}}"})
        stmt["id"] = generate_uuid()
        suite_time = time.time() * 1000
        r = self.request("POST", "/statements", json_body=stmt)
        if r.status != 200:
            self.time_margin = 0
            return
        for _ in range(8):
            g = self.request("GET", "/statements", params={"statementId": stmt["id"]})
            if g.status == 200:
                stored = parse_date_ms((g.maybe_json() or {}).get("stored"))
                self.time_margin = (suite_time - stored) if stored is not None else 0
                return
            time.sleep(2)
        self.time_margin = 0

    def gen_delay(self, stmt_time_ms, query=None, sid=None):
        """helper.genDelay: poll GET /statements[query] until the statement `sid` shows up
        or X-Experience-API-Consistent-Through reaches stmt_time_ms (bounded wait)."""
        if self.dry_run:
            self.requests_built += 1
            return
        margin = self.time_margin or 0
        finish = None
        while True:
            r = self.request("GET", "/statements" + (query or ""))
            body = r.maybe_json()
            if not isinstance(body, dict):
                body = {}
            if sid and body.get("id") == sid:
                return
            if sid and isinstance(body.get("statements"), list) and any(
                    isinstance(s, dict) and s.get("id") == sid for s in body["statements"]):
                return
            ct = parse_date_ms(r.headers.get("X-Experience-API-Consistent-Through"))
            if ct is not None and ct + margin >= stmt_time_ms:
                return
            if finish is None:
                date = parse_date_ms(r.headers.get("Date"))
                if ct is None or date is None:
                    raise AssertionError("X-Experience-API-Consistent-Through header was missing or not a number.")
                finish = time.time() * 1000 + min(10 * abs(date - ct), self.max_delay * 1000)
            if time.time() * 1000 >= finish:
                return
            time.sleep(1)


def to_urlencoded_form(obj, prefix=None):
    """axios 1.x toURLEncodedForm (URLSearchParams encoding, nested keys as a[b])."""
    pairs = []

    def walk(v, key):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, "%s[%s]" % (key, k) if key else k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key + "[]")
        elif v is None:
            pairs.append((key, ""))
        else:
            pairs.append((key, ("true" if v else "false") if isinstance(v, bool) else str(v)))
    walk(obj, prefix)
    return urllib.parse.urlencode(pairs)


# ---- multipart (test/multipartParser.js) ------------------------------------------------

def _header_parts(part):
    found = {}
    low = part.lower()
    if low.startswith("content-type:"):
        m = re.search(r"\w+/[\w.\-+]+", part[len("content-type:"):].strip())
        if m:
            found["contentType"] = m.group(0)
    if "boundary=" in part:
        i = part.index("boundary=")
        j = part.find(";", i)
        v = part[i + len("boundary="): (len(part) if j < 0 else j)]
        if v[:1] == '"':
            v = v[1:-1]
        if v:
            found["boundary"] = v
    if low.startswith("content-transfer-encoding:"):
        found["contentTransferEncoding"] = part[len("content-transfer-encoding:"):].strip()
    if low.startswith("content-disposition:"):
        m = re.search(r"\w+", part[len("content-disposition:"):].strip())
        if m:
            found["contentDisposition"] = m.group(0)
        if 'filename="' in low:
            fn = part[low.index('filename="') + len('filename="'):]
            m = re.search(r'[\w\W+\w+][^"]+', fn)
            if m:
                found["filename"] = m.group(0)
    return found


def get_boundary(s):
    return _header_parts(s).get("boundary", "") if s else ""


def parse_multipart(boundary, body):
    """multipartParser.parseMultipart: [{'header': {...,'parts': [...]}, 'body': str}]"""
    dashed = "--" + boundary
    idx = body.find(dashed)
    if idx < 0:
        raise ValueError("Multipart: boundary not found.")
    rest = body[idx + len(dashed):]
    if rest.startswith("\r\n"):
        delim = "\r\n"
    elif rest.startswith("\r"):
        delim = "\r"
    elif rest.startswith("\n"):
        delim = "\n"
    else:
        raise ValueError("Multipart: unknown delimiter.")
    contents = re.split("--*" + re.escape(boundary), body)
    parts, last = [], False
    for content in contents[1:]:
        if content.startswith("--" + delim) or content.startswith("--"):
            last = True
        if not last:
            parts.append(_parse_part(delim, content))
    return parts


def _parse_part(delim, content):
    header = _parse_header(delim, content)
    i = content.find(delim + delim)
    return {"header": header, "body": content[i + 2 * len(delim): len(content) - len(delim)]}


def _parse_header(delim, content):
    parts = content.split(delim)
    header = {"parts": []}
    if len(parts) < 2:
        raise ValueError("Multipart: cannot parse header with invalid length.")
    if parts[0].strip():
        raise ValueError("Multipart: cannot parse header with invalid value.")
    if not parts[1].strip():
        header["parts"].append("Content-Type: text/plain")
        header["contentType"] = "text/plain"
        return header
    for part in parts[1:]:
        if not part.strip():
            return header
        header.update(_header_parts(part))
        header["parts"].append(part)
    return header


def build_multipart(boundary, parts):
    """Assemble a multipart/mixed body. parts: [(headers_list, bytes|str)]. Matches the
    layout the suite writes by hand: CRLF, '--boundary', headers, blank line, body."""
    out = []
    for hdrs, content in parts:
        out.append(("\r\n--%s\r\n" % boundary).encode())
        for hline in hdrs:
            out.append((hline + "\r\n").encode())
        out.append(b"\r\n")
        out.append(content.encode("utf-8") if isinstance(content, str) else content)
    out.append(("\r\n--%s--" % boundary).encode())
    return b"".join(out)
