-- wrk script of the holds-per-second phase: POST /bookings for one night, one unit, a fresh
-- Idempotency-Key per request, round robin over the listings (more listings than connections,
-- so requests in flight at the same time hold different listings) and over the customer tokens.
-- Arguments (after "--"): listings file, tokens file (line 1 is the operator's), night start, night end, key prefix.
-- Run with one wrk thread: the request counter, and so the keys, are per thread.
local listings, tokens = {}, {}
local start_at, end_at, prefix
local counter = 0

function init(args)
  for line in io.lines(args[1]) do listings[#listings + 1] = line end
  local first = true
  for line in io.lines(args[2]) do
    if not first then tokens[#tokens + 1] = line end
    first = false
  end
  start_at, end_at, prefix = args[3], args[4], args[5]
end

function request()
  counter = counter + 1
  local body = string.format('{"listingId":"%s","start":"%s","end":"%s","quantity":1}',
    listings[counter % #listings + 1], start_at, end_at)
  return wrk.format("POST", "/bookings", {
    ["Authorization"] = "Bearer " .. tokens[counter % #tokens + 1],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. "-" .. counter,
  }, body)
end
