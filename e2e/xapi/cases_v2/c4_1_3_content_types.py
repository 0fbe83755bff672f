SOURCE = "4.1.3-Content-Types.js"
TITLE = "Content Type Requirements (Communication 1.5)"
import copy
import hashlib

from templates import js_stringify

B = "-------314159265358979323846"
CRLF = "\r\n"
MIXED = "multipart/mixed; boundary=" + B
FORM = "multipart/form-data; boundary=" + B

FILEURL_ATT = {
    "usageType": "http://example.com/attachment-usage/test",
    "display": {"en-US": "A test attachment"},
    "description": {"en-US": "A test attachment (description)"},
    "contentType": "text/plain; charset=ascii",
    "length": 27,
    "sha2": "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
    "fileUrl": "http://over.there.com/file.txt",
}


def _att(length):
    return {"usageType": "http://example.com/attachment-usage/test", "display": {"en-US": "A test attachment"},
            "description": {"en-US": "A test attachment (description)"}, "contentType": "text/plain",
            "length": length, "sha2": ""}


def _files(t):
    """the top-level before(): the three text attachments, their sizes and SHA-256s"""
    out = {}
    for i in (1, 2, 3):
        raw = t.tpl.attachment_bytes("simple_text%d.txt" % i)
        out[i] = (raw.decode("utf-8"), len(raw), hashlib.sha256(raw).hexdigest())
    return out


def _part(ctype, body, extra=()):
    s = "--" + B + CRLF + "Content-Type: " + ctype + CRLF
    for h in extra:
        s += h + CRLF
    return s + CRLF + body + CRLF


def _end():
    return "--" + B + "--" + CRLF


def _post(t, msg, ctype, expect):
    res = t.post("/statements", body=msg.encode("utf-8"), content_type=ctype)
    return t.status(res, expect)


def _text_statement(t, n):
    """statements.attachment + n text attachments whose length/sha2 are those of simple_text1..n"""
    f = _files(t)
    data = t.statement({"statement": "{{statements.attachment}}"}, {"attachments": [_att(27), _att(33)][:n]})
    for i in range(n):
        data["attachments"][i]["length"] = f[i + 1][1]
        data["attachments"][i]["sha2"] = f[i + 1][2]
    return data, f


def _bin(sha):
    return ["Content-Transfer-Encoding: binary", "X-Experience-API-Hash: " + sha]


def register(S):
    v2 = S.version == "2.0.0"
    with S.describe('An LRS rejects with error code 400 Bad Request, a Request which uses Attachments and does not have a "Content-Type" header with value "application/json" or "multipart/mixed" (Format, Data 2.4.11, XAPI-00127)'):
        @S.before
        def _(t):
            t.ctx["templates"] = [{"statement": "{{statements.attachment}}"}, {"attachments": [copy.deepcopy(FILEURL_ATT)]}]
            t.ctx["data"] = t.statement(*copy.deepcopy(t.ctx["templates"]))
            raw = t.tpl.attachment_bytes("basic_image_p2.jpeg")
            # fs.readFileSync(..., {encoding: 'hex'}): the picture travels as its hex text, hashed as such
            t.ctx["pictureAtt"] = raw.hex()
            t.ctx["pattSize"] = len(raw)
            t.ctx["pattHash"] = hashlib.sha256(raw.hex().encode()).hexdigest()

        def fileurl_json(t):
            t.status(t.post("/statements", json_body=t.ctx["data"]), 200)

        S.it('should succeed when attachment uses "fileUrl" and request content-type is "application/json"')(fileurl_json)
        if v2:  # the 2.0 file repeats this case
            S.it('should succeed when attachment uses "fileUrl" and request content-type is "application/json"')(fileurl_json)

        @S.it('should fail when attachment uses "fileUrl" and request content-type is "multipart/form-data"')
        def _(t):
            _post(t, js_stringify(t.ctx["data"]), FORM, 400)

        def raw_picture(ctype, expect):
            def case(t):
                data = t.ctx["data"]  # mutated in place, as the suite does
                data["attachments"][0].pop("fileUrl", None)
                data["attachments"][0]["contentType"] = "image/jpeg"
                data["attachments"][0]["length"] = t.ctx["pattSize"]
                data["attachments"][0]["sha2"] = t.ctx["pattHash"]
                msg = _part("application/json", js_stringify(data))
                msg += _part("image/jpeg", t.ctx["pictureAtt"], _bin(data["attachments"][0]["sha2"]))
                msg += _end()
                _post(t, msg, ctype, expect)
            return case

        S.it('should succeed when attachment is raw data and request content-type is "multipart/mixed"')(raw_picture(MIXED, 200))
        S.it('should fail when attachment is raw data and request content-type is "multipart/form-data"')(raw_picture(FORM, 400))

        if not v2:
            return _rest(S)

        @S.it('should succeed when attachment uses "fileUrl" and request content-type is "multipart/mixed"')
        def _(t):
            statement = t.statement(*copy.deepcopy(t.ctx["templates"]))
            _post(t, _part("application/json", js_stringify(statement)) + _end(), MIXED, 200)

        @S.it('should succeed when no attachments are included, but request content-type is "multipart/mixed"')
        def _(t):
            data = t.ctx["data"]
            data.pop("attachments", None)
            _post(t, _part("application/json", js_stringify(data)) + _end(), MIXED, 200)

    _rest(S)


def _rest(S):
    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which has excess multi-part sections that are not attachments. (Communication 1.5.1.s1.b2, Data 2.4.11, XAPI-00128)'):
        @S.it('should fail when passing statement attachments with excess multipart sections')
        def _(t):
            data, f = _text_statement(t, 2)
            msg = _part("application/json", js_stringify(data))
            msg += _part("text/plain", f[1][0], _bin(data["attachments"][0]["sha2"]))
            msg += _part("text/plain", f[2][0], _bin(data["attachments"][1]["sha2"]))
            msg += _part("text/plain", f[3][0], _bin(f[3][2]))
            _post(t, msg + _end(), MIXED, 400)

    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content-Type" header with value "application/json", and has a discrepancy in the number of Attachments vs. the number of fileURL members (Communication 1.5.1.s1.b2, Data 2.4.11, XAPI-00129)'):
        @S.it('should fail when passing statement attachments and missing attachment"s binary')
        def _(t):
            data, f = _text_statement(t, 2)
            msg = _part("application/json", js_stringify(data))
            msg += _part("text/plain", f[1][0], _bin(data["attachments"][0]["sha2"]))
            _post(t, msg + _end(), MIXED, 400)

    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content Type" header with value "multipart/mixed", and does not have a body header named "boundary" (Communication 1.5.2.s2.b2, Data 2.4.11, RFC 2046, XAPI-00131)'):
        @S.it('should fail if boundary not provided in body')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = "Content-Type: application/json" + CRLF + CRLF + js_stringify(data) + CRLF
            msg += _part("text/plain", f[1][0], _bin(data["attachments"][0]["sha2"]))
            _post(t, msg + _end(), MIXED, 400)

    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content Type" header with value "multipart/mixed", and does not have a Boundary before each "Content-Type" header (Communication 1.5.2.s2.b2, Data 2.4.11, RFC 2046, XAPI-00130)'):
        @S.it('should fail if boundary not provided in body')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = _part("application/json", js_stringify(data))
            msg += "Content-Type: text/plain" + CRLF + "Content-Transfer-Encoding: binary" + CRLF
            msg += "X-Experience-API-Hash: " + data["attachments"][0]["sha2"] + CRLF + CRLF
            msg += f[1][0] + CRLF
            _post(t, msg + _end(), MIXED, 400)

        @S.it('should fail if boundary not provided in header')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = _part("application/json", js_stringify(data))
            msg += _part("text/plain", f[1][0], _bin(data["attachments"][0]["sha2"]))
            _post(t, msg + _end(), "multipart/mixed;", 400)

    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content Type" header with value "multipart/mixed", and does not the first document part with a "Content-Type" header with a value of "application/json" (RFC 2046, Communication 1.5.2.s2.b2.b1, Data 2.4.11, XAPI-00134)'):
        @S.it('should fail when attachment is raw data and first part content type is not "application/json"')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = _part("text/plain", js_stringify(data))
            msg += _part("text/plain", f[1][0], _bin(data["attachments"][0]["sha2"]))
            _post(t, msg + _end(), MIXED, 400)

    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content Type" header with value "multipart/mixed", and does not have all of the Statements in the first document part (RFC 2046, Data 2.4.11, Communication 1.5.2.s2.b2.b1, XAPI-00133)'):
        @S.it('should fail when statements separated into multiple parts')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = _part("application/json", js_stringify(data)) + _part("application/json", js_stringify(data))
            msg += _part("text/plain", f[1][0], _bin(data["attachments"][0]["sha2"]))
            _post(t, msg + _end(), MIXED, 400)

    with S.describe('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content Type" header with value "multipart/mixed", and for any part except the first does not have a Header named "X-Experience-API-Hash" with a value of one of those found in a "sha2" property of a Statement in the first part of this document (Communication 1.5.2.s2.b2.b3", Communication 1.5.2.s1.b4, Data 2.4.11, XAPI-00132)'):
        @S.it('should fail when attachments missing header "X-Experience-API-Hash"')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = _part("application/json", js_stringify(data))
            msg += _part("text/plain", f[1][0], ["Content-Transfer-Encoding: binary"])
            _post(t, msg + _end(), MIXED, 400)

        @S.it('should fail when attachments header "X-Experience-API-Hash" does not match "sha2"')
        def _(t):
            data, f = _text_statement(t, 1)
            msg = _part("application/json", js_stringify(data))
            msg += _part("text/plain", f[1][0], _bin("b018994f8bbe0f08992a65c48c8c8c56f09e9baceaa6227ed85c90ae52b73c89"))
            _post(t, msg + _end(), MIXED, 400)

    @S.it('An LRS rejects with error code 400 Bad Request, a PUT or POST Request which uses Attachments, has a "Content Type" header with value "multipart/mixed", and for any part except the first does not have a Header named "Content-Transfer-Encoding" with a value of "binary" (Data 2.4.11, XAPI-00135)')
    def _(t):
        data, f = _text_statement(t, 1)
        msg = _part("application/json", js_stringify(data))
        msg += _part("text/plain", f[1][0], ["Content-Transfer-Encoding: base64", "X-Experience-API-Hash: " + data["attachments"][0]["sha2"]])
        _post(t, msg + _end(), MIXED, 400)
