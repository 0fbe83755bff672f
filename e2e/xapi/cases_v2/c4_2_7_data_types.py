SOURCE = "4.2.7-Additional-Requirements-for-Data-Types.js"
TITLE = "(4.2.7) Additional Requirements for Data Types"
from common import (data, get_activity_with_iri, get_statement_exact, random_boundary, send_signed_statement_body,
                    send_statement, signed_statement_body)
from lrs_client import parse_date_ms
from templates import generate_uuid


def register(S):
    with S.describe("IRIs"):
        @S.it("When storing or comparing IRIs, LRSs shall handle them only by "
              "using one or more of the approaches described in 5.3.1 (Simple String Comparison) "
              "and 5.3.2 (Syntax-Based Normalization) of RFC 3987")
        def _(t):
            slug = generate_uuid()
            iri_a = "http://example.com/path/%s" % slug
            iri_b = "http://example.com/path/../%s" % slug
            st = t.tpl.build_statement()
            st["object"]["id"] = iri_b
            send_statement(t, st)
            a = data(t, get_activity_with_iri(t, iri_a))
            b = data(t, get_activity_with_iri(t, iri_b))
            ida = a.get("id") if isinstance(a, dict) else None
            idb = b.get("id") if isinstance(b, dict) else None
            t.ok(ida == iri_a or idb == iri_b, "GET /activities gave ids %r / %r for %s / %s" % (ida, idb, iri_a, iri_b))

    with S.describe("Duration"):
        @S.it("On receiving a Duration with more than 0.01 second precision, the LRS shall not reject the request.")
        def _(t):
            st = dict(t.tpl.build_statement(), id=generate_uuid(), result={"duration": "P1DT12H36M0.12567S"})
            t.status(send_statement(t, st), 200)

        @S.it("On receiving a Duration with more than 0.01 second precision, the LRS may truncate the duration to 0.01 second precision.")
        def _(t):
            duration, truncated, rounded = "P1DT12H36M0.12567S", "P1DT12H36M0.12S", "P1DT12H36M0.13S"
            st = dict(t.tpl.build_statement(), id=generate_uuid(), result={"duration": duration})
            send_statement(t, st)
            got = data(t, get_statement_exact(t, st["id"]))
            if t.dry:
                return
            t.ok(isinstance(got, dict) and isinstance(got.get("result"), dict), "statement has no result: %r" % (got,))
            received = got["result"].get("duration")
            t.ok(received is not None, "result.duration missing")
            if received not in (duration, truncated):
                t.fail("Only truncation is allowed, rounding the seconds duration to a different hundredths value is not allowed."
                       if received == rounded else
                       "The LRS seems to have changed the duration from %s -> %s.  You may only truncate the seconds down to the hundredths place." % (duration, received))

        @S.it("When comparing Durations (or Statements containing them), any precision beyond 0.01 second precision shall not be included in the comparison.")
        def _(t):
            full, short = "P1DT12H36M0.1237S", "P1DT12H36M0.12S"
            st = dict(t.tpl.build_statement(), id=generate_uuid(), result={"duration": short})
            boundary = random_boundary()
            body = signed_statement_body(t, st, boundary).replace(short, full, 1)
            res = send_signed_statement_body(t, body, boundary)
            t.status(res, 200)

    with S.describe("Timestamps"):
        @S.it("checks if the LRS converts timestamps to UTC")
        def _(t):
            date_est, date_utc = "2023-05-04T12:00:00-05:00", "2023-05-04T17:00:00.000Z"
            sid = generate_uuid()
            st = t.tpl.build_statement()
            st["id"] = sid
            st["timestamp"] = date_est
            t.status(send_statement(t, st), 200)
            got = data(t, get_statement_exact(t, sid))
            if t.dry:
                return
            t.ok(isinstance(got, dict), "statement not retrieved: %r" % (got,))
            t.ok(parse_date_ms(got.get("timestamp")) == parse_date_ms(date_utc),
                 "Statement retrieved with timestamp: %s, expected equivalence to %s" % (got.get("timestamp"), date_utc))
