-- wrk: one Rasa API call per request. MODE picks it:
--   parse   POST /conversations/<id>/parse {"query": QUERY}, over CONVERSATIONS ids in turn
--   event   POST /conversations/bench-events/tracker/events with one slot event
--   tracker GET /conversations/<TRACKER>/tracker
-- CLOSE=1 closes the connection after each answer.
local mode = os.getenv("MODE") or "parse"
local query = os.getenv("QUERY") or "/greet"
local conversations = tonumber(os.getenv("CONVERSATIONS") or "50")
local tracker = os.getenv("TRACKER") or "bench-10k"
local counter = 0

if os.getenv("CLOSE") == "1" then
  wrk.headers["Connection"] = "close"
end

function request()
  counter = counter + 1
  if mode == "parse" then
    local body = string.format('{"query": "%s"}', query)
    return wrk.format("POST", string.format("/conversations/bench-%d/parse", counter % conversations), nil, body)
  elseif mode == "event" then
    local body = string.format('[{"event": "slot", "name": "cuisine", "value": "dish %d"}]', counter)
    return wrk.format("POST", "/conversations/bench-events/tracker/events", nil, body)
  else
    return wrk.format("GET", "/conversations/" .. tracker .. "/tracker")
  end
end

-- Counts answers other than 200, so a run that only measured errors says so.
local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", failures))
end
