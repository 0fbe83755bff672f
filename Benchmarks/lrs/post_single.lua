-- wrk: one statement per POST /xapi/statements, each with a fresh random id, learner, verb,
-- activity, registration and timestamp (see common.lua), so nothing can be de-duplicated.
--   wrk -t2 -c32 -d20s --latency -s post_single.lua -H 'Authorization: Basic …' http://127.0.0.1:8181/xapi/statements
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local C = dofile(here .. "common.lua")
local pools

setup = C.setup

function init(args)
  C.seed(thread_no)
  pools = C.pools()
  C.headers()
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format("POST", nil, nil, C.statement(pools))
end

function done(summary, latency, requests)
  C.done(summary, latency, 1)
end
