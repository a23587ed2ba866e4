/**
 * The circuit-breaker state machine of libs/routing/src/circuit-breaker.ts, as one Redis script so that replicas
 * update a target's state atomically in one round trip. The shared breaker-store suite runs the same scenarios
 * against this and the in-memory store, which keeps the two in step.
 *
 * KEYS[1] the target's hash. ARGV: op (acquire | success | failure | cancelled | read), now, then the policy:
 * consecutive failures, error rate, minimum requests, window ms, cool-down ms, probe timeout ms.
 * Returns { granted (0/1), status, consecutive, openedAt, probeUntil, windowStart, requests, failures,
 * previousRequests, previousFailures } as strings.
 */
export const BREAKER_LUA = `
local key = KEYS[1]
local op = ARGV[1]
local now = tonumber(ARGV[2])
local maxConsecutive = tonumber(ARGV[3])
local errorRate = tonumber(ARGV[4])
local minRequests = tonumber(ARGV[5])
local windowMs = tonumber(ARGV[6])
local cooldownMs = tonumber(ARGV[7])
local probeTimeoutMs = tonumber(ARGV[8])

local fields = redis.call('HMGET', key, 'status', 'consecutive', 'openedAt', 'probeUntil', 'windowStart', 'requests', 'failures', 'previousRequests', 'previousFailures')
local s
local function closed()
  return { status = 'closed', consecutive = 0, openedAt = 0, probeUntil = 0, windowStart = now, requests = 0, failures = 0, previousRequests = 0, previousFailures = 0 }
end
if fields[1] then
  s = { status = fields[1], consecutive = tonumber(fields[2]), openedAt = tonumber(fields[3]), probeUntil = tonumber(fields[4]),
        windowStart = tonumber(fields[5]), requests = tonumber(fields[6]), failures = tonumber(fields[7]),
        previousRequests = tonumber(fields[8]), previousFailures = tonumber(fields[9]) }
else
  s = closed()
end

local function roll()
  local elapsed = now - s.windowStart
  if elapsed < windowMs then return end
  local adjacent = elapsed < 2 * windowMs
  s.windowStart = s.windowStart + math.floor(elapsed / windowMs) * windowMs
  if adjacent then
    s.previousRequests = s.requests
    s.previousFailures = s.failures
  else
    s.previousRequests = 0
    s.previousFailures = 0
  end
  s.requests = 0
  s.failures = 0
end

local granted = 0
local changed = true
if op == 'acquire' then
  changed = false
  if s.status == 'closed' then
    granted = 1
  elseif (s.status == 'open' and now >= s.openedAt + cooldownMs) or (s.status == 'half_open' and s.probeUntil <= now) then
    s.status = 'half_open'
    s.probeUntil = now + probeTimeoutMs
    granted = 1
    changed = true
  end
elseif op == 'cancelled' then
  if s.status == 'half_open' then s.probeUntil = 0 else changed = false end
elseif op == 'success' or op == 'failure' then
  local failed = op == 'failure'
  if s.status == 'half_open' then
    if failed then
      s.status = 'open'
      s.openedAt = now
      s.probeUntil = 0
    else
      s = closed()
    end
  else
    roll()
    s.requests = s.requests + 1
    if failed then
      s.failures = s.failures + 1
      s.consecutive = s.consecutive + 1
    else
      s.consecutive = 0
    end
    if s.status ~= 'open' and failed then
      local overlap = math.max(0, 1 - (now - s.windowStart) / windowMs)
      local requests = s.requests + s.previousRequests * overlap
      local failures = s.failures + s.previousFailures * overlap
      if s.consecutive >= maxConsecutive or (requests >= minRequests and failures / requests >= errorRate) then
        s.status = 'open'
        s.openedAt = now
        s.probeUntil = 0
      end
    end
  end
else
  changed = false
end

if changed then
  redis.call('HSET', key, 'status', s.status, 'consecutive', s.consecutive, 'openedAt', string.format('%.17g', s.openedAt),
    'probeUntil', string.format('%.17g', s.probeUntil), 'windowStart', string.format('%.17g', s.windowStart),
    'requests', s.requests, 'failures', s.failures, 'previousRequests', s.previousRequests, 'previousFailures', s.previousFailures)
  -- An idle target's state is forgotten once nothing in it can matter any more.
  redis.call('PEXPIRE', key, math.ceil(2 * windowMs + cooldownMs + probeTimeoutMs))
end

local function text(value) return string.format('%.17g', value) end
return { granted, s.status, text(s.consecutive), text(s.openedAt), text(s.probeUntil), text(s.windowStart), text(s.requests),
  text(s.failures), text(s.previousRequests), text(s.previousFailures) }
`;
