-- wrk: batches of LRS_BATCH (default 100) statements per POST /xapi/statements, every statement
-- with a fresh random id and varied learner, verb, activity (see common.lua).
--   LRS_BATCH=100 wrk -t2 -c32 -d20s --latency -s post_batch.lua -H 'Authorization: Basic …' http://127.0.0.1:8181/xapi/statements
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local C = dofile(here .. "common.lua")
local pools
local batch = tonumber(C.env("LRS_BATCH", "100"))

setup = C.setup

function init(args)
  C.seed(thread_no)
  pools = C.pools()
  C.headers()
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local parts = {}
  for i = 1, batch do parts[i] = C.statement(pools) end
  return wrk.format("POST", nil, nil, "[" .. table.concat(parts, ",") .. "]")
end

function done(summary, latency, requests)
  C.done(summary, latency, batch)
end
