-- wrk script: chapter secretaries POST the add-member form of their own unit. SESSIONS names a file with one
-- line per secretary, "<unit id> <session cookie> <csrf token>"; request i goes to secretary i mod n, each
-- request a different person. THINK_MS, when set, is each secretary's pause between two saves (a paced load
-- rather than back-to-back requests). Prints the same RESULT line as dashboard.lua.
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  local unit, cookie, csrf = line:match("^(%S+) (%S+) (%S+)$")
  table.insert(sessions, { path = "/units/" .. unit .. "/members", cookie = cookie, csrf = csrf })
end
local counter = 0
local think = tonumber(os.getenv("THINK_MS") or "")

if think then
  delay = function()
    return think
  end
end

-- names take letters, not digits: "Thử Bca" for the 28th request
local function letters(n)
  local s = ""
  repeat
    s = s .. string.char(97 + n % 26)
    n = math.floor(n / 26)
  until n == 0
  return s:sub(1, 1):upper() .. s:sub(2)
end

request = function()
  counter = counter + 1
  local session = sessions[counter % #sessions + 1]
  local body = "_csrf=" .. session.csrf .. "&fullName=Nguy%E1%BB%85n+V%C4%83n+Th%E1%BB%AD+" .. letters(counter) ..
    "&gender=MALE&birth=1980&ethnicity=1&partyMember=false&phone=&address=T%E1%BB%95+" .. counter ..
    "&joinedOn=" .. os.getenv("JOINED_ON")
  return wrk.format("POST", session.path, {
    ["Cookie"] = session.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded"
  }, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
