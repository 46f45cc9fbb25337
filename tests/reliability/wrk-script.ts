import type { SiteKnowledge } from "./request-generator.ts";

/** A Lua string literal (wrk runs LuaJIT): JSON's escaping is valid Lua for what we pass. */
function lua(text: string): string {
  return JSON.stringify(text);
}

/**
 * The wrk script of the soak: every endpoint and one unknown path, about half of the
 * requests revalidating with If-None-Match or If-Modified-Since (so 304s mix with 200s).
 * It counts statuses per thread and prints them, with wrk's socket errors, when done.
 */
export function renderWrkScript(site: SiteKnowledge): string {
  const list = (values: readonly string[]) => `{ ${values.map(lua).join(", ")} }`;
  return `local paths = ${list([...site.paths, "/no-such-page"])}
local etags = ${list([...site.etags, '"none"'])}
local modified = ${list([...site.lastModified, "Thu, 01 Jan 1970 00:00:00 GMT"])}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  math.randomseed(20261127 + id)
end

function request()
  local i = math.random(#paths)
  local headers = {}
  local r = math.random()
  if r < 0.4 then
    headers["If-None-Match"] = etags[i]
  elseif r < 0.55 then
    headers["If-Modified-Since"] = modified[i]
  end
  return wrk.format("GET", paths[i], headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  io.write("STATUSES")
  for status, count in pairs(total) do io.write(string.format(" %d=%d", status, count)) end
  io.write("\\n")
  local e = summary.errors
  io.write(string.format("ERRORS connect=%d read=%d write=%d timeout=%d\\n", e.connect, e.read, e.write, e.timeout))
  io.write(string.format("TOTAL requests=%d duration_us=%d bytes=%d\\n", summary.requests, summary.duration, summary.bytes))
  io.write(string.format("LATENCY_US p50=%d p99=%d max=%d\\n", latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}
