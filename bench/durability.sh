#!/usr/bin/env bash
# Durability under SIGKILL (issue 3): register petitions continuously while the application is
# killed with SIGKILL several times and restarted; afterwards every petition acknowledged with a
# 201 must be there. Prints the counts.
#
#   bench/durability.sh            # embedded H2 in a fresh temporary data directory
#   SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/xinfang_dur \
#   SPRING_DATASOURCE_USERNAME=xinfang SPRING_DATASOURCE_PASSWORD=xinfang bench/durability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/xinfang.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
KILLS=${KILLS:-4}
CLIENTS=${CLIENTS:-4}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/xinfang-durability.XXXX)
export XINFANG_DATA_DIR="$WORK/data" XINFANG_ADMIN_PASSWORD=durability-pw
ACKED="$WORK/acked.txt"; : > "$ACKED"
APP_PID=

start() {
  java -jar "$JAR" --server.port=$PORT --logging.level.root=warn >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 480); do
    curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "application did not start; see $WORK/app.log" >&2; exit 1
}

client() {
  local n=0
  while [ -f "$WORK/running" ]; do
    n=$((n + 1))
    body='{"channel":"LETTER","receivedOn":"2026-11-02","receivedBy":"dl-xfj","petitioners":[{"name":"持久'"$1"'-'"$n"'","address":"大连市"}],"subject":"durability '"$1"'-'"$n"'"}'
    out=$(curl -s -m 10 -o - -w '\n%{http_code}' -u admin:durability-pw -H 'Content-Type: application/json' \
      -X POST "http://localhost:$PORT/api/petitions" -d "$body" 2>/dev/null || true)
    code=$(echo "$out" | tail -1)
    if [ "$code" = "201" ]; then
      echo "$out" | head -1 | sed -E 's/.*"id":"([^"]+)".*/\1/' >> "$ACKED"
    fi
  done
}

start
touch "$WORK/running"
for c in $(seq 1 "$CLIENTS"); do client "$c" & done
for k in $(seq 1 "$KILLS"); do
  sleep $((3 + RANDOM % 4))
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  echo "kill -9 #$k after $(wc -l < "$ACKED") acknowledged"
  start
done
sleep 3
rm -f "$WORK/running"; wait $(jobs -p | grep -v "^$APP_PID$") 2>/dev/null || true
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
start
missing=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:durability-pw "http://localhost:$PORT/api/petitions/$id")
  [ "$code" = "200" ] || { missing=$((missing + 1)); echo "MISSING $id ($code)"; }
done < "$ACKED"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
echo "acknowledged with 201: $(wc -l < "$ACKED")   missing after $KILLS × SIGKILL: $missing"
[ "$missing" -eq 0 ]
