"""Checks the platform's credentials with an implementation it did not write.

openbadgeslib's OB3Verifier resolves the issuer's did:web document, verifies the EdDSA
VC-JWT, and fetches the signed Bitstring Status List. A credential issued from the command line
must pass; the same credential with one character of its payload changed must fail; a revoked
one must fail on its status bit, while its neighbour still passes. The transcript (a CLR 2.0
ClrCredential, which OB3Verifier does not take) is checked with PyJWT against the DID's key.

The test server speaks plain HTTP, so the fetcher handed to openbadgeslib maps the did:web
address (https by definition) onto it; nothing else is changed.

Environment: BASE (server), ZHIJIAO (the binary), ZHIJIAO_SQLITE_PATH and ZHIJIAO_PUBLIC_URL as
the server has them.
"""
import base64
import json
import os
import subprocess
import sys
import urllib.request

import jwt
from openbadgeslib.ob3 import OB3Verifier, OB3VerificationError
from openbadgeslib.ob3.did import fetch_did_web_document, pem_for_kid

BASE = os.environ.get("BASE", "http://127.0.0.1:8181").rstrip("/")
BINARY = os.environ.get("ZHIJIAO", ".build/debug/zhijiao")
PUBLIC = os.environ.get("ZHIJIAO_PUBLIC_URL", BASE).rstrip("/")
HOST = PUBLIC.split("://", 1)[1]
DID = "did:web:" + HOST.replace(":", "%3A")

passed, failed = 0, []


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
        print("ok  ", name)
    else:
        failed.append(name)
        print("FAIL", name, detail)


def fetch(url):
    """openbadgeslib's download hook: https://HOST/… of the did:web maps to the HTTP test server."""
    if url.startswith("https://" + HOST):
        url = "http://" + url[len("https://"):]
    if not url.startswith(PUBLIC):
        raise ValueError("refusing to fetch outside the test server: " + url)
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def issue(*args):
    out = subprocess.run([BINARY, "credentials", "issue", *args], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise SystemExit("credentials issue failed: " + out.stderr)
    return out.stdout.strip()


def payload(token):
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def api(method, path, token=None, body=None, raw=None, content_type=None):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if raw is not None:
        data = raw
        headers["Content-Type"] = content_type or "application/octet-stream"
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(BASE + "/api/v1" + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def ob3_verify(token):
    verifier = OB3Verifier.for_issuer_did(DID, download=fetch)
    return verifier.verify(token, check_status=True, verify_status_list=True, download=fetch)


# 1. Issued from the command line, verified by openbadgeslib with its status checked.
first = issue("--learner", "learner-demo")
second = issue("--learner", "learner-demo")
check("the CLI prints a compact JWT", first.count(".") == 2)
check("the issuer is the platform's did:web", payload(first)["iss"] == DID, payload(first)["iss"])
try:
    credential = ob3_verify(first)
    check("OB3Verifier accepts the credential (signature, did:web key by kid, status list)", True)
    check("OB3Verifier reads the achievement", bool(credential.achievement.name), credential.achievement.name)
    names = [i.identity_hash for i in credential.identifiers if i.identity_type == "name" and not i.hashed]
    check("OB3Verifier reads the holder's name from credentialSubject.identifier", len(names) == 1 and bool(names[0]), str(names))
except OB3VerificationError as e:
    check("OB3Verifier accepts the credential (signature, did:web key by kid, status list)", False, str(e))

# 2. One character of the payload changed: the signature no longer holds.
header, body, signature = first.split(".")
claims = payload(first)
claims["credentialSubject"]["achievement"]["name"] += "（伪）"
forged_body = base64.urlsafe_b64encode(json.dumps(claims, ensure_ascii=False).encode()).rstrip(b"=").decode()
try:
    ob3_verify(header + "." + forged_body + "." + signature)
    check("OB3Verifier rejects a tampered credential", False, "it verified")
except OB3VerificationError as e:
    check("OB3Verifier rejects a tampered credential", "signature" in str(e).lower(), str(e))

# 3. Downloads: the baked PNG and SVG carry the same credential.
status, body = api("POST", "/auth/tokens", body={"username": "city-admin", "password": "Zhijiao-Demo-2026"})
token = json.loads(body).get("token") if status in (200, 201) else None
check("the city signs in to the API", token is not None, body[:200])
credential_id = payload(first)["jti"].split(":")[-1]
for form in ("png", "svg"):
    status, baked = api("GET", f"/credentials/{credential_id}/download?format={form}", token=token)
    extracted = OB3Verifier.extract_token_from_png(baked) if form == "png" else OB3Verifier.extract_token_from_svg(baked)
    check(f"openbadgeslib unbakes the {form.upper()} download", status == 200 and extracted == first)
    try:
        ob3_verify(extracted)
        check(f"the baked {form.upper()} verifies", True)
    except OB3VerificationError as e:
        check(f"the baked {form.upper()} verifies", False, str(e))

# 4. Revoked through the API: its status bit fails it there; its neighbour still passes.
revoked_id = payload(second)["jti"].split(":")[-1]
status, body = api("POST", f"/credentials/{revoked_id}/status", token=token, body={"action": "revoke", "reason": "e2e: issued in error"})
check("the city revokes a credential with a reason", status == 200, body[:200])
try:
    ob3_verify(second)
    check("OB3Verifier rejects the revoked credential", False, "it verified")
except OB3VerificationError as e:
    check("OB3Verifier rejects the revoked credential", "revocation" in str(e), str(e))
try:
    ob3_verify(first)
    check("its neighbour on the same list still verifies", True)
except OB3VerificationError as e:
    check("its neighbour on the same list still verifies", False, str(e))

# 5. The platform's own verification API agrees, and names the reason.
status, body = api("POST", "/credentials/verify", body={"credential": second})
result = json.loads(body)
check("the verify API says revoked", status == 200 and not result["verified"] and result["failure"]["code"] == "revoked", body[:300])
status, body = api("POST", "/credentials/verify", raw=first.encode(), content_type="text/plain")
check("the verify API accepts the raw JWT", status == 200 and json.loads(body)["verified"], body[:300])

# 6. The transcript: a CLR 2.0 ClrCredential, checked with PyJWT against the key the DID names.
transcript = issue("--learner", "learner-demo", "--kind", "transcript")
document = fetch_did_web_document(DID, download=fetch)
kid = jwt.get_unverified_header(transcript)["kid"]
try:
    clr = jwt.decode(transcript, pem_for_kid(document, DID, kid), algorithms=["EdDSA"], options={"verify_aud": False})
    check("PyJWT verifies the transcript's EdDSA signature", "ClrCredential" in clr["type"])
    check("the transcript holds the learner's credentials", len(clr["credentialSubject"]["verifiableCredential"]) >= 1)
except jwt.InvalidTokenError as e:
    check("PyJWT verifies the transcript's EdDSA signature", False, str(e))

print(f"credentials: {passed} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
