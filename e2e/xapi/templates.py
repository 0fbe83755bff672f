"""Statement templating, ported from the conformance suite's test/helper.js.

`convert_template` + `create_test_object` reproduce helper.convertTemplate /
helper.createTestObject: a list of one-key objects; values of the form
'{{folder.file}}' are replaced with a fresh deep copy of templates/<folder>/<file>.json;
then, from the last item to the first, each item is deep-merged (jQuery/`extend` npm
semantics, arrays merged index-wise) into the value of the item before it.
"""
import copy
import hashlib
import json
import os
import random
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
UUID_MARKER = "__UUID__"  # helper.generateUUID() inside configs (see tools/configs_to_json.js)


def generate_uuid():
    return str(uuid.uuid4())


def is_plain_object(v):
    return isinstance(v, dict)


def extend(deep, target, *sources):
    """Port of the `extend` npm module (jQuery.extend). Returns target (possibly replaced)."""
    if not isinstance(target, (dict, list)):
        target = {}
    for src in sources:
        if src is None:
            continue
        items = src.items() if isinstance(src, dict) else enumerate(src) if isinstance(src, list) else []
        for name, value in items:
            cur = _get(target, name)
            if cur is value and value is not None and isinstance(value, (dict, list)):
                continue  # never-ending loop guard
            if deep and value is not None and isinstance(value, (dict, list)):
                if isinstance(value, list):
                    clone = cur if isinstance(cur, list) else []
                else:
                    clone = cur if isinstance(cur, dict) else {}
                _set(target, name, extend(deep, clone, value))
            else:
                _set(target, name, value)
    return target


def _get(target, name):
    if isinstance(target, dict):
        return target.get(name)
    if isinstance(name, int) and 0 <= name < len(target):
        return target[name]
    return None


def _set(target, name, value):
    if isinstance(target, dict):
        target[name] = value
    elif not isinstance(name, int):
        # a named property on a JS array: kept by JS but dropped by JSON.stringify
        return
    else:
        # JS arrays grow when assigned past their end (holes become undefined -> null in JSON)
        while len(target) <= name:
            target.append(None)
        target[name] = value


def _replace_uuid_markers(v):
    if isinstance(v, dict):
        return {k: _replace_uuid_markers(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_replace_uuid_markers(x) for x in v]
    if v == UUID_MARKER:
        return generate_uuid()
    return v


class Templates:
    def __init__(self, directory):
        self.directory = directory  # "v2_0" or "v1_0_3"
        self.root = os.path.join(DATA, directory, "templates")
        self._mapping = {}
        for folder in sorted(os.listdir(self.root)):
            p = os.path.join(self.root, folder)
            if not os.path.isdir(p):
                continue
            files = {}
            for f in sorted(os.listdir(p)):
                if f.endswith(".json") and f.index(".json") > 0:
                    with open(os.path.join(p, f), encoding="utf-8") as fh:
                        files[f[: f.index(".json")]] = json.load(fh)
            self._mapping[folder] = files

    def get(self, dotted):
        node = self._mapping
        for part in dotted.split("."):
            if not isinstance(node, dict) or not node.get(part):
                raise KeyError("Not mapped: {{%s}}" % dotted)
            node = node[part]
        return copy.deepcopy(node)

    def attachment_bytes(self, name):
        with open(os.path.join(self.root, "attachments", name), "rb") as fh:
            return fh.read()

    def convert_template(self, items):
        out = []
        for item in items:
            key = next(iter(item)) if isinstance(item, dict) and item else None
            value = item[key] if key is not None else None
            if isinstance(value, str) and value.startswith("{{") and value.endswith("}}") and len(value) >= 4:
                out.append({key: self.get(value[2:-2])})
            else:
                out.append(copy.deepcopy(item))
        return [_replace_uuid_markers(x) for x in out]

    @staticmethod
    def create_test_object(items):
        items = list(reversed(items))
        frm = {}
        for index, to in enumerate(items):
            if index == 0:
                frm = to
                continue
            key = next(iter(to))
            res = extend(True, to[key], frm)
            if res is not to[key]:
                # extend() on a non-object target works on a fresh {} that JS then drops
                pass
            frm = to
        return frm

    def create_from_template(self, items):
        return self.create_test_object(self.convert_template(items))

    def statement(self, *items):
        """createFromTemplate([...]).statement (or the single key's value)."""
        obj = self.create_from_template(list(items))
        return obj[next(iter(obj))]

    def build_statement(self):
        return self.get("statements.default")


# ---- helper.js builders -------------------------------------------------------------

def build_activity():
    return {"activityId": "http://www.example.com/activityId/hashset"}


def _rick():
    return {"objectType": "Agent", "account": {"homePage": "http://www.example.com/agentId/1", "name": "Rick James"}}


def build_state():
    return {"activityId": "http://www.example.com/activityId/hashset", "agent": _rick(), "stateId": generate_uuid()}


def build_activity_profile():
    return {"activityId": "http://www.example.com/activityId/hashset", "profileId": generate_uuid()}


def build_agent_profile():
    return {"agent": _rick(), "profileId": generate_uuid()}


def build_agent():
    a = _rick()
    return {"agent": {"name": "Rick James", "objectType": "Agent", "account": a["account"]}}


def build_document():
    doc = {"name": generate_uuid(), "location": {"name": generate_uuid()}}
    doc[generate_uuid()] = generate_uuid()
    return doc


def sha1sum(content):
    if not isinstance(content, (str, bytes)):
        content = js_stringify(content)
    if isinstance(content, str):
        content = content.encode("utf-8")
    return hashlib.sha1(content).hexdigest()


def js_stringify(v):
    """JSON.stringify(v) byte-for-byte (no spaces, non-ASCII kept)."""
    return json.dumps(v, separators=(",", ":"), ensure_ascii=False)


def clone(v):
    return json.loads(json.dumps(v))


# ---- signed statements (helper.signStatement) ----------------------------------------

PRIVATE_KEY = "\n".join([
    "-----BEGIN RSA PRIVATE KEY-----",
    "MIIEpAIBAAKCAQEAvZtrkWAFrUYi8zekTKheDM7tvfNIB7FVbLtkPArlFMQE1kOe",
    "8sBEvENiMKvI8kv1jLuzbd/iSWd1Wqt81ooDAMwcv54b26w0qyk58vKv+ZgNzvUZ",
    "XtpFS3euLcOVPZUyc7O4gMLtDNblNehplFMNUFvd8Yc2jKOi9/URyIHOVzJwhKU0",
    "63CY6S8MEbTjHdhcYa3TpeFFtL8YKoCxR2h4OCtbMe0ub2tOIwZ4jKNhQQ1/N6SJ",
    "VV4gNmq6WVLfRtLDop72r5o8UZyPBwN9S3CxGBPMI2dBFC7waQwQ8zyvL6Kp2ZuA",
    "Q2clHQzGTsDpREGNqzXDdgkUN0bOGJn/JRgU3QIDAQABAoIBABdJbFepdGkIkShP",
    "8CTeFNb73yUSKQmQ1Q4Koc/iAqqfPHzYR0BHLun0WK3jm0Vu4NSNBQd8lL0xMK+X",
    "Gjj7ME07xFggYgmDx+AxqwVUmxpLe36siZYltpcDNug1+jFbDpw5OXLO/fAywGnz",
    "hmwKGzuAXOzaD3AMdOqBNdLrZl09BUlorhugmrXJbJebo/q3f6yxUbjanR70UpMs",
    "youqDH7JEV6FjFofLj32RQWWtkTlOEjQ5QE353v22HEZXvyDuwr50cAGtRS4Sqjw",
    "vXCGoBwJIHX75P5PN+MY3IBo3pjaKHZlNnQDnX7FQw/nxbAObWLEAj8IGlocNsWK",
    "F5QKnp0CgYEA8mJcGK6EotykzX8aBCrka2K7p9l4AVBHnzXNniVCh0OhdrdzcDQO",
    "hbbAm0uM+cIwnPrORY2DhG5hO8vxtsfojI/dFVUiJWXE1D4WDqJ65HdHMNKWu4SR",
    "vf1OHk3bliif5dTvmNOGt0G/Ypu1OkDvQ3zs0VIyM44TWVP+O5nsbxsCgYEAyEIX",
    "gnM460EsYBABZGRrKqcRhI+vNSPCxTV5nJS5MbdDkPiV9VQ3l0+p7IZ2jk91ISWt",
    "VlHLw9QMiOQF1776xJV7J30fSTk2fzz4znLjpnDcflZuyPtElNkQfr1A0LYTCjn8",
    "wfaZ7sA2RbvMHjWaD13qpKEkBlfjkLNn+zLPM2cCgYEAxDSg7o3e6mMHuR1pNvRt",
    "oQv0cgQVI6MTxyprftgUiaBShOItvSc2lkEAmvVGcisi5QAVl7HdQ4eCiEAoM1iR",
    "w671PT6D/JfsBA8aFdCrAGQZqcjeoX7H5260HM3TsjLCdO6w4Rphk9jSDwWSZ0yH",
    "Ii9vGGacIqWgvg/C3gZUoP8CgYBfOSYqrpVjMENkjlfLIADhcD3hNd2PPCjyU2I3",
    "dXS2Ujl7pujPljM07PmU8b9QHjJJB7xrrkthG+S19w9cLoDZl2bPOSz2SZFDYX/B",
    "01mynDoMjRby1KAg0zKHwYAffmSBWV9578P0hkuITytZNg3CvtrDW6hgp8wa02Rf",
    "SyLBgwKBgQCl73rjxN9B55tdKdQUkXSAaYYebYzuDOa9vRcTOW5nbWf21ehUUKlU",
    "w/F6uHl5okTfASEGn8BFQwBnA/npUbbKzz2wIAiPnjC96RIzU7G5fJFjWRMURQi/",
    "Ibbd1wXGedfy4A7+S+Swn2B2fwuBUL0BUkUrqYPvK5X8IZUnM/30RQ==",
    "-----END RSA PRIVATE KEY-----",
])


def jws_sign(payload, algorithm="RS256", private_key=PRIVATE_KEY):
    """Port of jws.sign({header: {alg}, payload, privateKey}) (compact serialisation).
    `payload` is a dict (JSON.stringify'd by jws) or a str (used as is)."""
    import base64
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    def b64(b):
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode("ascii")

    header = js_stringify({"alg": algorithm}).encode()
    body = (payload if isinstance(payload, str) else js_stringify(payload)).encode("utf-8")
    signing_input = b64(header) + "." + b64(body)
    if algorithm.startswith("HS"):
        # jws uses the key text as the HMAC secret
        import hmac
        digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[algorithm]
        sig = hmac.new(private_key.encode(), signing_input.encode("ascii"), digest).digest()
        return signing_input + "." + b64(sig)
    key = serialization.load_pem_private_key(private_key.encode(), password=None)
    hashalg = {"RS256": hashes.SHA256(), "RS384": hashes.SHA384(), "RS512": hashes.SHA512()}[algorithm]
    sig = key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashalg)
    return signing_input + "." + b64(sig)


def sign_statement(statement, boundary=None, private_key=None, algorithm="RS256",
                   usage_type="http://adlnet.gov/expapi/attachments/signature",
                   content_type="application/octet-stream", break_json=False):
    """helper.signStatement: mutates `statement` (attachments replaced by the signature
    attachment's metadata) and returns the multipart/mixed body as bytes."""
    boundary = boundary or "-------------" + str(random.randint(0, 0xFFFFFFFF))
    statement.pop("attachments", None)
    payload = js_stringify(statement).replace('"', "'", 1) if break_json else statement
    sig = jws_sign(payload, algorithm, private_key or PRIVATE_KEY).encode("ascii")
    statement["attachments"] = [{
        "usageType": usage_type,
        "display": {"en-US": "Signed by the Test Suite"},
        "description": {"en-US": "Signed by the Test Suite"},
        "contentType": content_type,
        "length": len(sig),
        "sha2": hashlib.sha256(sig).hexdigest(),
    }]
    parts = [
        "\r\n".join(["", "--" + boundary, "Content-Type:application/json", "", ""]).encode(),
        js_stringify(statement).encode("utf-8"),
        "\r\n".join(["", "--" + boundary, "Content-Type:" + content_type, "Content-Transfer-Encoding:binary",
                     "X-Experience-API-Hash:" + statement["attachments"][0]["sha2"], "", ""]).encode(),
        sig,
        ("\r\n--%s--" % boundary).encode(),
    ]
    return b"".join(parts)
