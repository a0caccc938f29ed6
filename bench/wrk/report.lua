-- Prints one JSON line that bench/run.py reads: rate, latency percentiles (ms), errors, answers per thread.
threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local function count(name)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get(name) or 0) end
  return total
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.3f, "p99_ms": %.3f, "bytes": %d, ' ..
    '"errors": %d, "non_2xx_3xx": %d, "timeouts": %d, "redirects": %d, "other": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.bytes,
    e.connect + e.read + e.write, e.status, e.timeout, count("redirects"), count("other")))
end
