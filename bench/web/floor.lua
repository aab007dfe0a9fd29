-- wrk script: POST /api/v1/screen/call with a body that is not JSON. The screening handler answers
-- 400 naming the problem, with no decision and no history write: the HTTP floor of the screening
-- API (Jetty, the handler's routing and admission, an answer) to set the screening step against.
-- Counts answers by status; percentiles as health.lua.
function init(args)
  statuses = {}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format(nil, "/api/v1/screen/call", nil, "not json")
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("statuses")) do
      total[code] = (total[code] or 0) + count
    end
  end
  for code, count in pairs(total) do
    io.write(string.format("status %d: %d\n", code, count))
  end
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
