-- Shared by the wrk scripts in this folder (each loads it with dofile, from its own folder).
-- Statement shapes match seed.py: account learners, ADL and made-up verbs, activities with
-- definitions, scores, registrations, timestamps over the past year. Nothing here is fixed per
-- run: ids are random v4 UUIDs from /dev/urandom-seeded generators, one per wrk thread.

local M = {}
local random, floor, format = math.random, math.floor, string.format

M.ADL_VERBS = {
  "answered", "asked", "attempted", "attended", "commented", "completed", "exited", "experienced",
  "failed", "imported", "initialized", "interacted", "launched", "mastered", "passed", "preferred",
  "progressed", "registered", "responded", "resumed", "scored", "shared", "suspended", "terminated",
  "voided",
}

-- per-thread entropy, so that two runs in the same second never share ids. Every step stays
-- below 2^53 so the double keeps each bit: an earlier version shifted six random bytes onto the
-- time (~2^79), which rounded the random bits away and left 64 possible seeds, so a later step's
-- thread could replay an earlier step's ids with other content (the 409s seen at 1M statements).
function M.seed(extra)
  local s = os.time() % 4294967296
  local f = io.open("/dev/urandom", "rb")
  if f then
    local b = f:read(4); f:close()
    local r = 0
    for i = 1, #b do r = r * 256 + b:byte(i) end
    s = (s + r) % 4294967296
  end
  s = (s + (extra or 0) * 7919) % 4294967296
  math.randomseed(s)
  for _ = 1, 10 do random() end
end

function M.uuid4()
  return format("%08x-%04x-4%03x-%04x-%04x%08x",
    random(0, 0xffffffff), random(0, 0xffff), random(0, 0xfff),
    0x8000 + random(0, 0x3fff), random(0, 0xffff), random(0, 0xffffffff))
end

-- 1..n with P(k) ~ 1/k: a few verbs and activities are common, most are rare
function M.zipf(n) return floor(n ^ random()) end

function M.env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then return default end
  return v
end

-- the pools; built once per thread in init()
function M.pools()
  local home = M.env("LRS_HOME", wrk.scheme .. "://" .. wrk.host .. (wrk.port and (":" .. wrk.port) or ""))
  local n_learners = tonumber(M.env("LRS_LEARNERS", "20000"))
  local n_verbs = tonumber(M.env("LRS_VERBS", "200"))
  local n_activities = tonumber(M.env("LRS_ACTIVITIES", "5000"))
  local p = { home = home, learners = {}, verbs = {}, regs = {}, n_activities = n_activities }
  for i = 1, n_learners do p.learners[i] = M.uuid4() end
  for i = 1, n_verbs do
    if i <= #M.ADL_VERBS and M.ADL_VERBS[i] ~= "voided" then
      p.verbs[i] = { "http://adlnet.gov/expapi/verbs/" .. M.ADL_VERBS[i], M.ADL_VERBS[i] }
    else
      p.verbs[i] = { format("https://zhijiao.example/xapi/verbs/custom-%03d", i), format("custom %d", i) }
    end
  end
  for i = 1, 2 * n_learners do p.regs[i] = M.uuid4() end
  return p
end

local TYPES = {
  "http://adlnet.gov/expapi/activities/course", "http://adlnet.gov/expapi/activities/lesson",
  "http://adlnet.gov/expapi/activities/assessment", "http://adlnet.gov/expapi/activities/media",
}

function M.statement(p)
  local li = random(#p.learners)
  local verb = p.verbs[M.zipf(#p.verbs)]
  local act = M.zipf(p.n_activities)
  local t = os.time() - random(0, 365 * 86400)
  local result = ""
  if random() < 0.4 then
    local raw = random(0, 100)
    result = format(',"result":{"score":{"raw":%d,"min":0,"max":100,"scaled":%.2f},"success":%s,"completion":true}',
      raw, raw / 100, raw >= 60 and "true" or "false")
  end
  return format('{"id":"%s","actor":{"objectType":"Agent","account":{"homePage":"%s","name":"%s"}},'
    .. '"verb":{"id":"%s","display":{"en-US":"%s"}},'
    .. '"object":{"objectType":"Activity","id":"https://zhijiao.example/xapi/activities/%05d",'
    .. '"definition":{"name":{"en-US":"Activity %d"},"type":"%s"}}%s,'
    .. '"context":{"registration":"%s","platform":"wrk"},"timestamp":"%s.%03dZ"}',
    M.uuid4(), p.home, p.learners[li], verb[1], verb[2], act, act, TYPES[act % #TYPES + 1], result,
    p.regs[li + (random() < 0.5 and 0 or #p.learners)], os.date("!%Y-%m-%dT%H:%M:%S", t), random(0, 999))
end

-- reads one query string per line (written by pages.py); a line may repeat, which weights it
function M.lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot read " .. path .. " (run pages.py first)")
  for line in f:lines() do if line ~= "" then out[#out + 1] = line end end
  f:close()
  assert(#out > 0, path .. " is empty")
  return out
end

function M.headers()
  wrk.headers["X-Experience-API-Version"] = wrk.headers["X-Experience-API-Version"] or M.env("XAPI_VERSION", "1.0.3")
end

-- threads are numbered so each seeds differently
local next_id = 0
function M.setup(thread)
  next_id = next_id + 1
  thread:set("thread_no", next_id)
end

-- one machine-readable line for run.sh; `per_request` statements per request (batch size)
function M.done(summary, latency, per_request)
  local secs = summary.duration / 1e6
  local e = summary.errors
  local bad = e.status + e.timeout + e.connect + e.read + e.write
  local ok = summary.requests - e.status
  io.write(format("LRSBENCH name=%s requests=%d seconds=%.2f rps=%.1f ok_rps=%.1f statements_per_s=%.1f "
    .. "p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f status_errors=%d timeouts=%d socket_errors=%d\n",
    M.env("LRS_NAME", "run"), summary.requests, secs, summary.requests / secs, ok / secs,
    per_request * ok / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.timeout, e.connect + e.read + e.write))
  if bad > 0 then
    io.write(format("LRSBENCH-WARNING %d of %d requests failed (HTTP >= 400: %d, timeouts: %d)\n",
      bad, summary.requests, e.status, e.timeout))
  end
end

return M
