-- wrk: POST one order to /synapses/start/order, muted, as JSON.
-- ORDER picks the order; CLOSE=1 closes the connection after each answer.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("CLOSE") == "1" then
  wrk.headers["Connection"] = "close"
end
wrk.body = string.format('{"order": "%s", "mute": true}', os.getenv("ORDER") or "bonjour")

-- Counts answers other than 201, so a run that only measured errors says so.
local failures = 0
function response(status, headers, body)
  if status ~= 201 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-201 answers: %d\n", failures))
end
