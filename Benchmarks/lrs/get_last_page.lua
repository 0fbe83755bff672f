-- wrk: the same page of a long statement query, again and again. `pages.py pages` follows the
-- `more` links of GET /xapi/statements?verb=<the commonest verb>&limit=… to the end and writes
-- the first page's and the last page's path (from the server root) to $LRS_OUT/first_page.txt and
-- last_page.txt; LRS_PAGE_FILE picks which one (default: last_page.txt). The URL given to wrk
-- only names the server.
--   LRS_PAGE_FILE=/tmp/lrs-bench/last_page.txt wrk -t2 -c32 -d20s --latency -s get_last_page.lua -H 'Authorization: Basic …' http://127.0.0.1:8181/
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local C = dofile(here .. "common.lua")
local path

setup = C.setup

function init(args)
  path = C.lines(C.env("LRS_PAGE_FILE", C.env("LRS_OUT", "/tmp/lrs-bench") .. "/last_page.txt"))[1]
  C.headers()
end

function request()
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  C.done(summary, latency, 0)
end
