-- wrk: GET /xapi/statements?agent=… for agents that are stored, picked at random per request from
-- $LRS_OUT/agents.txt (one query string a line, written by `pages.py sample`; default LRS_OUT
-- /tmp/lrs-bench). LRS_QUERY_EXTRA (e.g. "limit=100") is appended to every query.
--   wrk -t2 -c32 -d20s --latency -s get_by_agent.lua -H 'Authorization: Basic …' http://127.0.0.1:8181/xapi/statements
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local C = dofile(here .. "common.lua")
local queries
local extra = C.env("LRS_QUERY_EXTRA", "")

setup = C.setup

function init(args)
  C.seed(thread_no)
  queries = C.lines(C.env("LRS_OUT", "/tmp/lrs-bench") .. "/agents.txt")
  C.headers()
end

function request()
  local q = queries[math.random(#queries)]
  if extra ~= "" then q = q .. "&" .. extra end
  return wrk.format("GET", wrk.path .. "?" .. q)
end

function done(summary, latency, requests)
  C.done(summary, latency, 0)
end
