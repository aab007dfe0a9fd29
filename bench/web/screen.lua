-- wrk script: POST /api/v1/screen/call with a different caller each time (a pool of 20,000
-- mobile numbers, so detectors and the history see repeat callers as in real traffic), and a
-- count of answers by status. Set TOKEN in the environment to send Authorization: Bearer TOKEN.
-- With MALFORMED=1 in the environment every body is not JSON: the handler answers 400 naming the
-- problem, with no decision and no history write, the HTTP floor of the screening API.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  accepted = {}
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  local token = os.getenv("TOKEN")
  if token ~= nil and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  if os.getenv("MALFORMED") == "1" then -- the same request every time: formatted once
    malformed = wrk.format(nil, "/api/v1/screen/call", nil, "not json")
  end
end

function request()
  if malformed ~= nil then
    return malformed
  end
  n = n + 1
  local caller = string.format("138%08d", ((id * 7919 + n * 104729) % 20000))
  return wrk.format(nil, "/api/v1/screen/call", nil, '{"number":"' .. caller .. '"}')
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 then
    local timing = headers["Server-Timing"] or headers["server-timing"]
    if timing ~= nil then
      local ms = tonumber(string.match(timing, "dur=([%d%.]+)"))
      if ms ~= nil then
        accepted[#accepted + 1] = ms
      end
    end
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, count in pairs(s) do
      total[code] = (total[code] or 0) + count
    end
  end
  for code, count in pairs(total) do
    io.write(string.format("status %d: %d\n", code, count))
  end
  -- time inside the server of the admitted (200) requests, from their Server-Timing header
  local times = {}
  for _, t in ipairs(threads) do
    for _, ms in ipairs(t:get("accepted")) do
      times[#times + 1] = ms
    end
  end
  if #times > 0 then
    table.sort(times)
    local function pct(p) return times[math.max(1, math.ceil(#times * p / 100))] end
    io.write(string.format("accepted in server: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d answers)\n",
      pct(50), pct(99), times[#times], #times))
  end
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
