/**
 * The Redis limiter's scripts: the GCRA sums of libs/routing/src/gcra.ts and lease-based concurrency, for several
 * limits in one atomic call (all or nothing: when one refuses, none is charged). The shared limiter suite runs the
 * same checks against this and the in-memory limiter, which keeps the two in step.
 *
 * Per rule, ARGV carries kind (requests | tokens | concurrent), limit and period ms, after the common arguments.
 * TATs are stored as decimal strings of ms with full precision; every key expires once it no longer matters.
 */

/**
 * ARGV: now, lease, lease ms, tokens, then 3 per rule.
 * Returns { allowed 0/1, index of the refusing rule (1-based, 0 when allowed), retry-after ms, then per rule
 * remaining and reset ms } as integers.
 */
export const ACQUIRE_LUA = `
local now = tonumber(ARGV[1])
local lease = ARGV[2]
local leaseMs = tonumber(ARGV[3])
local tokens = tonumber(ARGV[4])
local refused = 0
local refusedRetry = -1
local plans = {}

local function unitsLeft(tat, limit, period, interval)
  local free = period - math.max(0, tat - now)
  return math.max(0, math.min(limit, math.floor((free + math.min(interval / 2, 1)) / interval)))
end

for i = 1, #KEYS do
  local at = 4 + (i - 1) * 3
  local kind = ARGV[at + 1]
  local limit = tonumber(ARGV[at + 2])
  local period = tonumber(ARGV[at + 3])
  local plan = { kind = kind }
  if kind == 'concurrent' then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
    local held = redis.call('ZCARD', KEYS[i])
    plan.remainingBefore = math.max(0, limit - held)
    plan.resetBefore = 0
    plan.remaining = math.max(0, limit - held - 1)
    plan.reset = 0
    if held >= limit and refusedRetry < 1000 then
      refused = i
      refusedRetry = 1000
    end
  else
    local interval = period / limit
    local stored = tonumber(redis.call('GET', KEYS[i]))
    local base = math.max(stored or now, now)
    local cost = 1
    if kind == 'tokens' then cost = math.min(math.max(tokens, 0), limit) end
    local tat = base + cost * interval
    plan.tat = tat
    plan.remainingBefore = unitsLeft(base, limit, period, interval)
    plan.resetBefore = math.ceil(base - now)
    plan.remaining = unitsLeft(tat, limit, period, interval)
    plan.reset = math.ceil(tat - now)
    if tat - now > period + math.min(interval / 2, 1) then
      local retry = math.ceil(math.max(0, tat - period - now))
      if retry > refusedRetry then
        refused = i
        refusedRetry = retry
      end
    end
  end
  plans[i] = plan
end

local reply = { 0, refused, math.max(refusedRetry, 0) }
if refused == 0 then
  reply[1] = 1
  for i = 1, #KEYS do
    local plan = plans[i]
    if plan.kind == 'concurrent' then
      redis.call('ZADD', KEYS[i], now + leaseMs, lease)
      redis.call('PEXPIRE', KEYS[i], leaseMs)
    else
      redis.call('SET', KEYS[i], string.format('%.17g', plan.tat), 'PX', math.ceil(plan.tat - now) + 1000)
    end
  end
end
for i = 1, #KEYS do
  local plan = plans[i]
  if refused == 0 then
    table.insert(reply, plan.remaining)
    table.insert(reply, plan.reset)
  else
    table.insert(reply, plan.remainingBefore)
    table.insert(reply, plan.resetBefore)
  end
end
return reply
`;

/** ARGV: now, lease, token delta, then 3 per rule. Releases the lease of concurrency rules, corrects token buckets. */
export const SETTLE_LUA = `
local now = tonumber(ARGV[1])
local lease = ARGV[2]
local delta = tonumber(ARGV[3])
for i = 1, #KEYS do
  local at = 3 + (i - 1) * 3
  local kind = ARGV[at + 1]
  local limit = tonumber(ARGV[at + 2])
  local period = tonumber(ARGV[at + 3])
  if kind == 'concurrent' then
    redis.call('ZREM', KEYS[i], lease)
  elseif kind == 'tokens' and delta ~= 0 then
    local stored = tonumber(redis.call('GET', KEYS[i]))
    local tat = math.max(stored or now, now) + delta * (period / limit)
    if tat > now then
      redis.call('SET', KEYS[i], string.format('%.17g', tat), 'PX', math.ceil(tat - now) + 1000)
    else
      redis.call('DEL', KEYS[i])
    end
  end
end
return 1
`;
