"""Schemathesis against the running server's own OpenAPI document, signed in as every demo role.

Checks:
- not_a_server_error: no 5xx answer;
- status_code_conformance, content_type_conformance: only documented status codes and types;
- response_schema_conformance: every response body conforms to its schema (which forbids
  additional properties, so leaked fields fail);
- negative_data_rejection: input the document forbids (wrong types, out-of-range numbers,
  unknown properties, missing required fields, values outside an enum) is refused with a 4xx,
  never accepted with a 2xx;
- ignored_auth: every operation that declares authentication refuses the same request without
  a token, and with an invalid one, with 401 (checked once per operation and role).

positive_data_acceptance is not run: the schema cannot say which codes exist in the reference
lists or the database, so schema-valid random records are rightly refused with 422.

The city administrator reaches every operation, so it gets the most examples; the other seven
roles mostly exercise the scope filters and the access matrix (403s), with fewer. The seed is
fixed and generation deterministic, so a failure reproduces with the same command.

Env: BASE (the server), EXAMPLES (the city administrator's examples per operation),
EXAMPLES_SCOPED (every other role's). Prints "schemathesis: N passed, 0 failed".
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "ignored_auth",
]
# Every account of README's "Demo accounts"; the city administrator runs last, so that its
# creates, replaces and deletes cannot change what the scoped roles see before they run.
SCOPED = ["nanshan-admin", "school-admin", "teacher-demo", "enterprise-demo", "learner-demo", "reviewer-demo", "unit-demo"]
ADMIN = "city-admin"


def token(username: str) -> str:
    body = json.dumps({"username": username, "password": "Zhijiao-Demo-2026", "name": "schemathesis"}).encode()
    request = urllib.request.Request(BASE + "/api/v1/auth/tokens", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


def run(username: str, bearer: str, examples: int, phases: str) -> bool:
    command = [
        "schemathesis", "run", BASE + "/api/v1/openapi.json",
        "--url", BASE + "/api/v1",
        "-H", "Authorization: Bearer " + bearer,
        "--checks", ",".join(CHECKS),
        # Revoking the token would sign the rest of the run out.
        "--exclude-operation-id", "revokeToken",
        "-n", str(examples), "--seed", "2020", "--generation-deterministic",
        "--phases", phases,
        "--request-timeout", "30", "--no-color",
    ]
    print(f"== schemathesis as {username}, {examples} examples per operation", flush=True)
    print("+", " ".join(c if "Bearer" not in c else "Authorization: Bearer ***" for c in command), flush=True)
    started = time.monotonic()
    result = subprocess.run(command)
    print(f"== {username}: {time.monotonic() - started:.0f} s", flush=True)
    return result.returncode == 0


if __name__ == "__main__":
    # Every token is taken first: the fuzzer's wrong passwords trip the sign-in throttle.
    tokens = {name: token(name) for name in SCOPED + [ADMIN]}
    scoped_examples = int(os.environ.get("EXAMPLES_SCOPED", "2"))
    # Every role runs even after a failure, so one CI run shows all that was found.
    failed = [name for name in SCOPED if not run(name, tokens[name], scoped_examples, "examples,fuzzing,stateful")]
    if not run(ADMIN, tokens[ADMIN], int(os.environ.get("EXAMPLES", "10")), "examples,coverage,fuzzing,stateful"):
        failed.append(ADMIN)
    if failed:
        sys.exit(f"schemathesis found problems as {', '.join(failed)}")
    print(f"schemathesis: {len(SCOPED) + 1} passed, 0 failed")
