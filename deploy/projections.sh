#!/usr/bin/env bash
# Rebuilds or verifies the projections through the admin API and draws a progress bar until done.
#
#   deploy/projections.sh rebuild [--processor NAME]   rebuild beside the live tables, then switch
#   deploy/projections.sh verify  [--processor NAME]   rebuild beside them and compare, table by table
#   deploy/projections.sh status                       where each processor stands
#
# CALALT_URL (default http://localhost:8080) and CALALT_API_KEY (a system administrator's key).
# Needs curl and jq. Exits 1 if the API refused (its problem detail on stderr), the rebuild failed or
# the verify found a table that differs.
set -euo pipefail

url=${CALALT_URL:-http://localhost:8080}
key=${CALALT_API_KEY:?set CALALT_API_KEY to a system administrator\'s API key}
command=${1:-status}
shift || true
processor=""
while [ $# -gt 0 ]; do
  case "$1" in
    --processor) [ $# -ge 2 ] || { echo "--processor needs a processor's name" >&2; exit 2; }
      processor=$2; shift 2 ;;
    --processor=*) processor=${1#*=}; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# On an error status curl says only the code; the problem detail's text says why (unknown processor,
# a rebuild already under way, a key that is not an administrator's).
api() {
  local body
  if ! body=$(curl -sS --fail-with-body -H "Authorization: Bearer $key" "$@"); then
    [ -n "$body" ] && { jq -r '.detail // .title // empty' <<<"$body" 2>/dev/null || echo "$body"; } >&2
    exit 1
  fi
  echo "$body"
}

status() {
  api "$url/v2/admin/projections"
}

case "$command" in
  status)
    status | jq '.data.processors[] | {name, running, caughtUp, position, head, lag, lagSeconds, eventsPerSecond,
      percent, etaSeconds, rebuild: (.rebuild // {} | {mode, state, percent, eventsPerSecond, etaSeconds, failure})}'
    exit 0 ;;
  rebuild) path=replay ;;
  verify) path=verify ;;
  *) echo "usage: $0 rebuild|verify|status [--processor NAME]" >&2; exit 2 ;;
esac

query=""
[ -n "$processor" ] && query="?processor=$(jq -rn --arg p "$processor" '$p | @uri')"
started=$(api -X POST "$url/v2/admin/projections/$path$query")
names=$(echo "$started" | jq -r --arg p "$processor" \
  '.data.processors[] | select(.rebuild != null and ($p == "" or .name == $p)) | .name')

width=40
while true; do
  now=$(status)
  active=0
  lines=""
  for name in $names; do
    read -r state percent rate eta position head < <(echo "$now" | jq -r --arg n "$name" \
      '.data.processors[] | select(.name == $n) | .rebuild
       | "\(.state) \(.percent) \(.eventsPerSecond) \(.etaSeconds // "?") \(.position) \(.head)"')
    case "$state" in BUILDING|SWITCHING) active=1 ;; esac
    filled=$(awk -v p="$percent" -v w="$width" 'BEGIN { printf "%d", p * w / 100 }')
    bar=$(printf '%*s' "$filled" '' | tr ' ' '#')$(printf '%*s' $((width - filled)) '' | tr ' ' '.')
    lines+=$(printf '%-20s [%s] %6.2f%%  %s/%s events  %s events/s  ETA %ss  %s' \
      "$name" "$bar" "$percent" "$position" "$head" "$rate" "$eta" "$state")$'\n'
  done
  printf '\r\033[K%s' "${lines%$'\n'}"
  [ "$active" = 0 ] && break
  sleep 0.5
  # move back up over the lines of several processors
  for _ in $(seq 2 "$(echo "$names" | wc -w)"); do printf '\033[1A'; done
done
echo

failed=0
for name in $names; do
  processor_status=$(echo "$now" | jq --arg n "$name" '.data.processors[] | select(.name == $n)')
  state=$(echo "$processor_status" | jq -r '.rebuild.state')
  if [ "$state" != DONE ]; then
    echo "$name: $state: $(echo "$processor_status" | jq -r '.rebuild.failure')"
    failed=1
  elif [ "$command" = verify ]; then
    echo "$processor_status" | jq -r '.lastVerification.tables[]
      | "\(if .identical then "identical" else "DIFFERS  " end)  \(.table)  live \(.liveRows) rows, rebuilt \(.rebuiltRows) rows"'
    differing=$(echo "$processor_status" | jq -r '.lastVerification.differing | join(", ")')
    if [ -n "$differing" ]; then
      echo "$name: tables that differ: $differing"
      failed=1
    else
      echo "$name: every table identical"
    fi
  else
    echo "$name: rebuilt and switched in; rows changed: $(echo "$processor_status" | jq -c '.rebuild.changedRows | with_entries(select(.value > 0))')"
  fi
done
exit $failed
