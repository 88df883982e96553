-- wrk script for scripts/soak and scripts/perf/load: rotates over the requests listed in the file given
-- as the first script argument and reports in one machine-readable line. One request a line, fields
-- separated by tabs: METHOD TARGET [Name:value ...] [@body-file]; a body file is read from the list's
-- directory. io.mailconfig.local.SampleRequests writes these lists from events/samples/.

local list = {}
local next_index = 0
local threads = {}

local function read_file(path)
  local file = assert(io.open(path, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local path = args[1]
  local directory = path:match("(.*/)") or ""
  for line in io.lines(path) do
    if line:match("%S") then
      local fields = {}
      for field in line:gmatch("[^\t]+") do
        table.insert(fields, field)
      end
      local headers, body = {}, nil
      for i = 3, #fields do
        if fields[i]:sub(1, 1) == "@" then
          body = read_file(directory .. fields[i]:sub(2))
        else
          local name, value = fields[i]:match("^([^:]+):(.*)$")
          -- wrk adds its own Host unless the table has exactly "Host".
          if name:lower() == "host" then name = "Host" end
          headers[name] = value
        end
      end
      table.insert(list, wrk.format(fields[1], fields[2], headers, body))
    end
  end
  bad = 0
  first_bad = ""
end

function request()
  next_index = next_index % #list + 1
  return list[next_index]
end

function response(status, headers, body)
  if status >= 400 then
    bad = bad + 1
    if first_bad == "" then
      first_bad = tostring(status) .. " for request " .. next_index
    end
  end
end

function done(summary, latency, requests)
  local bad_total, first = 0, ""
  for _, thread in ipairs(threads) do
    bad_total = bad_total + thread:get("bad")
    if first == "" then
      first = thread:get("first_bad")
    end
  end
  local errors = summary.errors
  io.write(string.format(
    "SOAK requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d bad=%d "
      .. "mean_us=%.0f p50_us=%d p90_us=%d p99_us=%d max_us=%d first_bad=%s\n",
    summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    bad_total, latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    (first == "" and "none" or first:gsub(" ", "_"))))
end
