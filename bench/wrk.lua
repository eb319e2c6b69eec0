-- wrk script for bench/load.py: round-robin session cookies, and a response
-- that is not 200 or is not the page meant to be measured counts as an error.
--   wrk ... -s bench/wrk.lua URL -- EXPECT [COOKIES_FILE]
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
  table.insert(threads, thread)
end

function init(args)
  expect = args[1] or ""
  cookies = {}
  if args[2] and args[2] ~= "" then
    for line in io.lines(args[2]) do
      if #line > 0 then cookies[#cookies + 1] = line end
    end
  end
  index = offset or 0
  bad = 0
end

function request()
  local headers = { ["Accept-Language"] = "en" }
  if #cookies > 0 then
    index = index % #cookies + 1
    headers["Cookie"] = cookies[index]
  end
  return wrk.format("GET", nil, headers)
end

function response(status, headers, body)
  if status ~= 200 or (expect ~= "" and not string.find(body, expect, 1, true)) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "bad": %d, "socket_errors": %d, "p50_us": %d, "p95_us": %d}\n',
    summary.requests, summary.duration, failed, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95)))
end
