#!/usr/bin/env bash
# Checks a running `docker compose up` (README: docker-compose) end to end, as a user would:
#   1. every replica of both sides answers UP on its own port;
#   2. through the proxy on :8080, the bootstrap administrator makes a user and their API key, the
#      user makes a schedule and an event type, books a free slot, and reads the booking back
#      (the read goes to the query side);
#   3. one replica of each side is killed (docker kill; on the query side the one running the
#      calcom-projections processor); the same proxy keeps serving: the first booking is read
#      again, and a second one is made and read back (within 60 s: the projections move to a live
#      replica within about 15 s).
#
#   export CALALT_BOOTSTRAP_API_KEY=...   # the key docker compose up was started with
#   docker compose up --build -d && deploy/compose-smoke.sh
#
# Run it from the checkout (docker compose finds the project there). It leaves the killed replicas
# stopped; `docker compose up -d && docker compose restart proxy` brings them back into service.
# Exits 0 when every check passed. Not part of the build: it needs a Docker engine and the images.
set -euo pipefail
cd "$(dirname "$0")/.."

url=${CALALT_URL:-http://localhost:8080}
key=${CALALT_BOOTSTRAP_API_KEY:?set CALALT_BOOTSTRAP_API_KEY to the key docker compose up was started with}
wait_seconds=${CALALT_SMOKE_WAIT:-600}
tag=$(date +%s)

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# GET or other method through curl; prints the body, fails on an HTTP error or no answer.
api() {
  local auth=$1; shift
  curl -sS --fail-with-body --max-time 60 -H "Authorization: Bearer $auth" -H 'content-type: application/json' "$@"
}

# Waits until $1 (a URL) answers a health document whose status is UP.
await_up() {
  local deadline=$((SECONDS + wait_seconds)) status=""
  while [ $SECONDS -lt $deadline ]; do
    status=$(curl -s --max-time 5 "$1" | jq -r .status 2>/dev/null || true)
    [ "$status" = UP ] && return 0
    sleep 3
  done
  fail "$1 is not UP after ${wait_seconds}s (last status: ${status:-no answer})"
}

step "replicas"
declare -A containers
for service in command-side query-side; do
  containers[$service]=$(docker compose ps -q "$service")
  count=$(echo "${containers[$service]}" | grep -c . || true)
  [ "$count" -ge 2 ] || fail "$service runs $count replica(s); the check needs at least 2"
  for id in ${containers[$service]}; do
    port=$(docker port "$id" 8080/tcp | head -n 1 | sed 's/.*://')
    await_up "http://localhost:$port/actuator/health"
    printf '%-12s %s  localhost:%s  UP\n' "$service" "$(docker inspect -f '{{.Name}}' "$id" | tr -d /)" "$port"
  done
done
await_up "$url/actuator/health"
echo "proxy        $url  UP"

step "a user books through the proxy"
user_id=$(api "$key" -X POST "$url/v2/users" \
  -d "{\"email\": \"smoke-$tag@example.com\", \"username\": \"smoke-$tag\", \"timeZone\": \"UTC\"}" | jq -e .data.id)
user_key=$(api "$key" -X POST "$url/v2/api-keys" -d "{\"userId\": $user_id}" | jq -er .data.apiKey)
api "$user_key" -X POST "$url/v2/schedules" -H 'cal-api-version: 2024-06-11' \
  -d '{"name": "Weekdays", "timeZone": "UTC", "isDefault": true, "availability": [{"days": ["Monday",
       "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "09:00", "endTime": "17:00"}]}' \
  | jq -e .data.id >/dev/null
event_type_id=$(api "$user_key" -X POST "$url/v2/event-types" -H 'cal-api-version: 2024-06-14' \
  -d "{\"title\": \"Smoke call\", \"slug\": \"smoke-$tag\", \"lengthInMinutes\": 30}" | jq -e .data.id)
echo "user $user_id, event type $event_type_id"

from=$(jq -rn 'now + 86400 | strftime("%Y-%m-%d")')
to=$(jq -rn 'now + 8 * 86400 | strftime("%Y-%m-%d")')
slots=()
deadline=$((SECONDS + 60))
while [ ${#slots[@]} -lt 2 ] && [ $SECONDS -lt $deadline ]; do
  mapfile -t slots < <(api "$user_key" -H 'cal-api-version: 2024-09-04' \
    "$url/v2/slots?eventTypeId=$event_type_id&start=$from&end=$to&timeZone=UTC" | jq -r '[.data[][].start] | .[]')
  [ ${#slots[@]} -ge 2 ] || sleep 2
done
[ ${#slots[@]} -ge 2 ] || fail "fewer than 2 free slots between $from and $to"

book() {
  api "$user_key" -X POST "$url/v2/bookings" -H 'cal-api-version: 2024-08-13' \
    -d "{\"start\": \"$1\", \"eventTypeId\": $event_type_id,
         \"attendee\": {\"name\": \"Grace\", \"email\": \"grace-$tag@example.com\", \"timeZone\": \"UTC\"}}" \
    | jq -er .data.uid
}
# Reads booking $1 through the proxy until it is there, at most $2 seconds (0: once).
read_back() {
  local started=$SECONDS status=""
  while true; do
    status=$(curl -sS --max-time 60 -H "Authorization: Bearer $user_key" -H 'cal-api-version: 2024-08-13' \
      "$url/v2/bookings/$1" | jq -r .data.status 2>/dev/null || true)
    [ "$status" = accepted ] && break
    [ $((SECONDS - started)) -lt "$2" ] || fail "booking $1 reads back as '${status:-nothing}', not accepted"
    sleep 1
  done
  echo "booking $1 read back: $status, after $((SECONDS - started)) s"
}
first=$(book "${slots[0]}")
echo "booked ${slots[0]}: $first"
# A command answers once its events are projected (read your writes): the read finds it at once.
read_back "$first" 0

step "kill one replica of each side"
# On the query side the one running calcom-projections, if its health says so: the harder case.
victims=$(echo "${containers[command-side]}" | head -n 1)
projector=""
for id in ${containers[query-side]}; do
  port=$(docker port "$id" 8080/tcp | head -n 1 | sed 's/.*://')
  if curl -s --max-time 10 "http://localhost:$port/actuator/health" \
      | jq -e '.components.eventProcessors.details.processors["calcom-projections"].claimedSegments | length > 0' >/dev/null 2>&1; then
    projector=$id
  fi
done
victims+=" ${projector:-$(echo "${containers[query-side]}" | head -n 1)}"
for victim in $victims; do
  docker kill "$victim" >/dev/null
  echo "killed $(docker inspect -f '{{.Name}}' "$victim" | tr -d /)$([ "$victim" = "$projector" ] && echo ', which ran calcom-projections')"
done

step "the others keep serving"
started=$SECONDS
read_back "$first" 0
second=$(book "${slots[1]}")
echo "booked ${slots[1]}: $second"
# If the killed query-side replica ran calcom-projections (one segment), the processor moves to a
# live replica only once the dead one's claim is 10 s old (about 15 s in all); meanwhile a command
# answers after the read-your-writes timeout (2 s) unprojected, and the read waits for the move.
read_back "$second" 60
echo "served in $((SECONDS - started)) s after the kills"
for service in command-side query-side; do
  for id in ${containers[$service]}; do
    case " $victims " in *" $id "*) continue ;; esac
    port=$(docker port "$id" 8080/tcp | head -n 1 | sed 's/.*://')
    await_up "http://localhost:$port/actuator/health"
    printf '%-12s %s  localhost:%s  still UP\n' "$service" "$(docker inspect -f '{{.Name}}' "$id" | tr -d /)" "$port"
  done
done

step "OK"
