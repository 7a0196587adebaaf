#!/usr/bin/env bash
# Runs Crossdesk on one machine without Docker: a real Apache Kafka broker (KRaft, its own JVM), the
# MongoDB-compatible server with file persistence, a development mail server (SMTP and IMAP) and SMS
# gateway that deliver nowhere, and the six services as separate JVMs.
#
#   ./local-stack.sh up [--infra] [--traces]
#                                   build what is missing, start everything, wait until healthy, seed
#                                   demo data once; --infra starts only Kafka and MongoDB (to run
#                                   services from an IDE); --traces also starts a Zipkin server
#                                   (http://127.0.0.1:9411, fetched by Maven the first time) and has
#                                   every service record and send it every trace
#   ./local-stack.sh down           stop services, then Kafka and MongoDB gracefully; data is kept
#   ./local-stack.sh status         pid, port and health of each component
#   ./local-stack.sh logs [name]    follow all logs, or one (kafka, mongo, ticket-service or ticket, ...)
#   ./local-stack.sh cpu [seconds]  CPU per component over a window [30 s], and its busiest threads
#   ./local-stack.sh mail           list the mail the development mail server received (SMTP 3025,
#                                   IMAP 3143: log in with the recipient's address as user and password)
#   ./local-stack.sh sms            list the text messages the development SMS gateway took
#   ./local-stack.sh bench [opts]   benchmark the running stack (builds the benchmark if missing);
#                                   --quick for a short run, --sustained for the highest rate held,
#                                   --scale-out for one then two instances of the busiest service,
#                                   --store-only --replay FILE for the store alone replaying a
#                                   recording of the services' commands;
#                                   options in docs/performance.md
#
# Everything lives under local-data/ (git-ignored): keys/, kafka/, mongo/, logs/, run/ (pid files).
# Delete local-data/ for a fresh start. Settings (environment variables, defaults in brackets):
#   CROSSDESK_KAFKA_PORT [9092]  CROSSDESK_KAFKA_CONTROLLER_PORT [9093]  CROSSDESK_MONGO_PORT [27017]
#   CROSSDESK_SMTP_PORT [3025]  CROSSDESK_IMAP_PORT [3143]  CROSSDESK_MAIL_WEB_PORT [8025]  CROSSDESK_SMS_PORT [8026]
#   CROSSDESK_GATEWAY_PORT [8080]  CROSSDESK_CUSTOMER_PORT [8081]  CROSSDESK_TICKET_PORT [8082]
#   CROSSDESK_WORKORDER_PORT [8083]  CROSSDESK_NOTIFICATION_PORT [8084]  CROSSDESK_ANALYTICS_PORT [8085]
#   CROSSDESK_ZIPKIN_PORT [9411]  CROSSDESK_DATA_DIR [./local-data]  CROSSDESK_START_TIMEOUT [180 s]  CROSSDESK_STOP_TIMEOUT [20 s]
#   CROSSDESK_JVM_FLAGS, CROSSDESK_GATEWAY_JVM_FLAGS, CROSSDESK_KAFKA_JVM_FLAGS, CROSSDESK_MONGO_JVM_FLAGS (JVM flags)
#   CROSSDESK_SERVICE_ARGS (extra --key=value arguments for every service)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

VERSION="0.1.0-SNAPSHOT"
DATA="${CROSSDESK_DATA_DIR:-$ROOT/local-data}"
LOGS="$DATA/logs"
RUN="$DATA/run"
KEYS="$DATA/keys"
SEEDED="$DATA/.seeded"
LAUNCHER="$ROOT/local-stack"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

KAFKA_PORT="${CROSSDESK_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${CROSSDESK_KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${CROSSDESK_MONGO_PORT:-27017}"
SMTP_PORT="${CROSSDESK_SMTP_PORT:-3025}"
IMAP_PORT="${CROSSDESK_IMAP_PORT:-3143}"
MAIL_WEB_PORT="${CROSSDESK_MAIL_WEB_PORT:-8025}"
SMS_PORT="${CROSSDESK_SMS_PORT:-8026}"
ZIPKIN_PORT="${CROSSDESK_ZIPKIN_PORT:-9411}"
ZIPKIN_VERSION="3.5.1"
GATEWAY_PORT="${CROSSDESK_GATEWAY_PORT:-8080}"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
START_TIMEOUT="${CROSSDESK_START_TIMEOUT:-180}"
STOP_TIMEOUT="${CROSSDESK_STOP_TIMEOUT:-20}"

# Measured on 2 cores: these flags halve the start-up time of six services compared to the defaults.
# The store and the broker keep the C2 compiler: they do most of the work per ticket, and with it
# the chain holds 40 instead of 30 intake tickets/s (docs/performance.md, sustained mode, 2026-12-05).
# -XX:-UsePerfData: no JVM of the stack publishes the counters jstat and jps read (jcmd works
# without them), which a JVM otherwise samples every 50 ms: 0.1-0.2% of a core per JVM, idle or not.
SERVICE_JVM_FLAGS="${CROSSDESK_JVM_FLAGS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:-UsePerfData}"
GATEWAY_JVM_FLAGS="${CROSSDESK_GATEWAY_JVM_FLAGS:-$SERVICE_JVM_FLAGS}"
KAFKA_JVM_FLAGS="${CROSSDESK_KAFKA_JVM_FLAGS:--Xmx512m -XX:+UseSerialGC -XX:-UsePerfData}"
MONGO_JVM_FLAGS="${CROSSDESK_MONGO_JVM_FLAGS:--Xmx256m -XX:+UseSerialGC -XX:-UsePerfData}"
SINK_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx96m -Xss512k -XX:-UsePerfData"
ZIPKIN_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -XX:-UsePerfData"
LOG4J_FLAG="-Dlog4j2.configurationFile=crossdesk-local-log4j2.xml"

SERVICES=(customer-service ticket-service workorder-service notification-service analytics-service gateway-service)
INFRA=(kafka mongo mail sms)
# Started by up --traces only.
OPTIONAL=(zipkin)
TRACES=false

DEV_TOKEN_REQUEST='{"sub":"local-demo-agent","roles":["AGENT"]}'

# ---------------------------------------------------------------------------------------------------
# Small helpers

now_ms() { local t="${EPOCHREALTIME:-}"; if [[ -n $t ]]; then t="${t/[.,]/}"; echo $((t / 1000)); else echo $(($(date +%s) * 1000)); fi; }
say() { printf '%s\n' "$*"; }
fail() { printf 'local-stack: %s\n' "$*" >&2; exit 1; }

service_port() {
  case "$1" in
    gateway-service) echo "$GATEWAY_PORT" ;;
    customer-service) echo "${CROSSDESK_CUSTOMER_PORT:-8081}" ;;
    ticket-service) echo "${CROSSDESK_TICKET_PORT:-8082}" ;;
    workorder-service) echo "${CROSSDESK_WORKORDER_PORT:-8083}" ;;
    notification-service) echo "${CROSSDESK_NOTIFICATION_PORT:-8084}" ;;
    analytics-service) echo "${CROSSDESK_ANALYTICS_PORT:-8085}" ;;
    kafka) echo "$KAFKA_PORT" ;;
    mongo) echo "$MONGO_PORT" ;;
    mail) echo "$SMTP_PORT" ;;
    sms) echo "$SMS_PORT" ;;
    zipkin) echo "$ZIPKIN_PORT" ;;
  esac
}

database_name() {
  case "$1" in
    customer-service) echo crossdesk-customers ;;
    ticket-service) echo crossdesk-tickets ;;
    workorder-service) echo crossdesk-workorders ;;
    notification-service) echo crossdesk-notifications ;;
    analytics-service) echo crossdesk-analytics ;;
  esac
}

service_jar() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }
launcher_classpath() { echo "$LAUNCHER/target/classes:$(cat "$LAUNCHER/target/classpath.txt")"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_up() {
  local body
  body="$(curl -fsS -m 2 "$1" 2>/dev/null)" && [[ $body == *'"UP"'* ]]
}

# The pid in run/<name>.pid, if that process is still ours: every JVM carries -Dcrossdesk.component=<name>,
# so a pid reused by an unrelated process after a reboot is not mistaken for a component.
running_pid() {
  local file="$RUN/$1.pid" pid args
  [[ -f $file ]] || return 1
  pid="$(cat "$file")"
  args="$(ps -ww -o args= -p "$pid" 2>/dev/null)" || args=""
  if [[ "$args " == *" -Dcrossdesk.component=$1 "* ]]; then
    echo "$pid"
  else
    rm -f "$file"
    return 1
  fi
}

is_running() { running_pid "$1" >/dev/null; }

healthy() {
  case "$1" in
    kafka | mongo) port_open "$(service_port "$1")" ;;
    mail) port_open "$SMTP_PORT" && port_open "$IMAP_PORT" && http_up "http://127.0.0.1:$MAIL_WEB_PORT/health" ;;
    sms) http_up "http://127.0.0.1:$SMS_PORT/health" ;;
    zipkin) http_up "http://127.0.0.1:$ZIPKIN_PORT/health" ;;
    *) http_up "http://127.0.0.1:$(service_port "$1")/actuator/health" ;;
  esac
}

# Starts a JVM in the background; it outlives this script. The previous log is kept as <name>.log.1.
start_jvm() {
  local name="$1" port
  shift
  port="$(service_port "$name")"
  if port_open "$port"; then
    fail "port $port for $name is taken by another process; stop it or choose another port (see the top of $0)"
  fi
  [[ -f $LOGS/$name.log ]] && mv -f "$LOGS/$name.log" "$LOGS/$name.log.1"
  mkdir -p "$DATA/tmp/$name"
  # java.io.tmpdir: Tomcat and Kafka write temporary files; keep them with the rest of the stack.
  nohup "$JAVA" "-Dcrossdesk.component=$name" "-Djava.io.tmpdir=$DATA/tmp/$name" "$@" \
    >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

log_tail() {
  say "--- last lines of $LOGS/$1.log ---" >&2
  tail -n "${2:-40}" "$LOGS/$1.log" >&2 || true
}

# ---------------------------------------------------------------------------------------------------
# up

build_if_needed() {
  local infra_only="$1" missing=()
  if [[ $infra_only == false ]]; then
    for s in "${SERVICES[@]}"; do [[ -f "$(service_jar "$s")" ]] || missing+=("$s"); done
  fi
  if ((${#missing[@]} > 0)); then
    say "Building (missing: ${missing[*]}) ..."
    ./mvnw -q -DskipTests package || fail "build failed"
  fi
  if [[ ! -f $LAUNCHER/target/classpath.txt || ! -d $LAUNCHER/target/classes/io ]]; then
    say "Building the local-stack launcher ..."
    ./mvnw -q -DskipTests -f local-stack/pom.xml package || fail "build of local-stack failed"
  fi
  for s in "${missing[@]}"; do
    [[ -f "$(service_jar "$s")" ]] || fail "the build did not produce $(service_jar "$s")"
  done
}

start_infrastructure() {
  local cp
  cp="$(launcher_classpath)"
  if ! is_running mongo; then
    # shellcheck disable=SC2086
    start_jvm mongo $MONGO_JVM_FLAGS "$LOG4J_FLAG" -cp "$cp" io.crossdesk.localstack.MongoServerMain \
      "$DATA/mongo" "$MONGO_PORT"
  fi
  if ! is_running kafka; then
    # Writes server.properties (ports may have changed) and formats the storage the first time only.
    "$JAVA" -cp "$cp" io.crossdesk.localstack.KafkaSetupMain "$DATA/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" \
      >/dev/null || fail "Kafka setup failed; see $DATA/kafka/format.log"
    # shellcheck disable=SC2086
    start_jvm kafka $KAFKA_JVM_FLAGS "$LOG4J_FLAG" -cp "$cp" kafka.Kafka "$DATA/kafka/server.properties"
  fi
  if ! is_running mail; then
    # shellcheck disable=SC2086
    start_jvm mail $SINK_JVM_FLAGS "$LOG4J_FLAG" -cp "$cp" io.crossdesk.localstack.MailServerMain \
      "$SMTP_PORT" "$IMAP_PORT" "$MAIL_WEB_PORT"
  fi
  if ! is_running sms; then
    # shellcheck disable=SC2086
    start_jvm sms $SINK_JVM_FLAGS "$LOG4J_FLAG" -cp "$cp" io.crossdesk.localstack.SmsGatewayMain "$DATA/sms" "$SMS_PORT"
  fi
  if [[ $TRACES == true ]] && ! is_running zipkin; then
    local zipkin_jar="$DATA/zipkin/zipkin-server-$ZIPKIN_VERSION-exec.jar"
    if [[ ! -f $zipkin_jar ]]; then
      say "Fetching the Zipkin server $ZIPKIN_VERSION ..."
      ./mvnw -q dependency:copy -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
        -DoutputDirectory="$DATA/zipkin" || fail "cannot fetch the Zipkin server"
    fi
    # In-memory storage: traces last until the server stops.
    # shellcheck disable=SC2086
    QUERY_PORT="$ZIPKIN_PORT" STORAGE_TYPE=mem start_jvm zipkin $ZIPKIN_JVM_FLAGS -jar "$zipkin_jar"
  fi
  # Only the services need the keys: create them while the broker starts.
  "$JAVA" -cp "$cp" io.crossdesk.localstack.KeysMain "$KEYS" >/dev/null || fail "cannot write keys to $KEYS"
}

survey_secret() {
  local file="$KEYS/survey-secret"
  if [[ ! -s $file ]]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n=/+' > "$file")
  fi
  cat "$file"
}

service_url() { echo "http://127.0.0.1:$(service_port "$1")"; }

start_service() {
  local name="$1" args
  args=(
    "--server.port=$(service_port "$name")"
    # A development stack: reachable from this machine only, like Kafka and MongoDB.
    "--server.address=127.0.0.1"
    "--spring.kafka.bootstrap-servers=127.0.0.1:$KAFKA_PORT"
    "--crossdesk.security.public-key-location=file:$KEYS/jwt-public.pem"
    # ticket-service asks customer-service for customers it has not heard of yet.
    "--crossdesk.services.customer-uri=$(service_url customer-service)"
    # Plain text logs, for a person; and the gateway's development token endpoint.
    "--spring.profiles.active=local"
  )
  if [[ $TRACES == true ]]; then
    args+=(
      "--management.tracing.sampling.probability=1.0"
      "--management.tracing.export.zipkin.enabled=true"
      "--management.tracing.export.zipkin.endpoint=http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"
    )
  fi
  if [[ $name == gateway-service ]]; then
    args+=(
      "--crossdesk.dev-token.private-key-location=file:$KEYS/jwt-private.pem"
      "--crossdesk.services.ticket-uri=$(service_url ticket-service)"
      "--crossdesk.services.workorder-uri=$(service_url workorder-service)"
      "--crossdesk.services.notification-uri=$(service_url notification-service)"
      "--crossdesk.services.analytics-uri=$(service_url analytics-service)"
    )
  else
    args+=("--spring.mongodb.uri=mongodb://127.0.0.1:$MONGO_PORT/$(database_name "$name")")
  fi
  if [[ $name == notification-service ]]; then
    # Customers' and staff's messages go to the stack's own mail server and SMS gateway.
    args+=(
      "--spring.mail.host=127.0.0.1"
      "--spring.mail.port=$SMTP_PORT"
      "--crossdesk.notifications.sms-url=http://127.0.0.1:$SMS_PORT"
      # Survey links are signed with a secret of this stack's own, made on the first start.
      "--crossdesk.notifications.survey.secret=$(survey_secret)"
      "--crossdesk.notifications.survey.link-base=$GATEWAY/api/surveys/"
    )
  fi
  if [[ $name == analytics-service ]]; then
    # The KPI engine's local state, kept across restarts so it need not be read back from Kafka.
    args+=("--crossdesk.analytics.state-dir=$DATA/analytics-state")
  fi
  local flags=$SERVICE_JVM_FLAGS
  [[ $name == gateway-service ]] && flags=$GATEWAY_JVM_FLAGS
  # shellcheck disable=SC2086
  start_jvm "$name" $flags -jar "$(service_jar "$name")" "${args[@]}" ${CROSSDESK_SERVICE_ARGS:-}
}

# Waits until every named component is healthy; fails fast when one exits, with the end of its log.
# Times are counted from <since> (milliseconds), when the components were started.
await_healthy() {
  local since="$1" timeout="$2" waited next_report=15 pending=() still=()
  shift 2
  pending=("$@")
  while ((${#pending[@]} > 0)); do
    still=()
    for name in "${pending[@]}"; do
      waited=$((($(now_ms) - since) / 1000))
      if healthy "$name"; then
        say "  $name is up ($waited s)"
      elif ! is_running "$name"; then
        log_tail "$name"
        fail "$name exited during start-up (log: $LOGS/$name.log)"
      else
        still+=("$name")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) && break
    waited=$((($(now_ms) - since) / 1000))
    if ((waited >= timeout)); then
      for name in "${pending[@]}"; do log_tail "$name" 25; done
      fail "not healthy after $timeout s: ${pending[*]}. They keep running; ./local-stack.sh down stops everything."
    fi
    if ((waited >= next_report)); then
      say "  ... waiting for ${pending[*]} ($waited s)"
      next_report=$((next_report + 15))
    fi
    sleep 0.5
  done
}

# The endpoint answers the OAuth2 token response: {"access_token":"...","token_type":"Bearer",...}.
dev_token() {
  curl -fsS -m 10 -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' -d "$DEV_TOKEN_REQUEST" |
    sed -nE 's/.*"access_token"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1/p'
}

seed_demo_data() {
  [[ -f $SEEDED ]] && return 0
  local token status failed=0
  token="$(dev_token)" || true
  if [[ -z $token ]]; then
    say "Could not get a token from $GATEWAY/dev/token; demo customers not seeded (retried on the next up)." >&2
    return 0
  fi
  say "Seeding demo customers ..."
  local customers=(
    '{"name":"Acme Logistics Ltd","type":"ENTERPRISE","tier":"A","phone":"+1-555-0100","email":"it@acme-logistics.example"}'
    '{"name":"Northwind Retail Group","type":"ENTERPRISE","tier":"B","phone":"+1-555-0101","email":"support@northwind.example"}'
    '{"name":"Maria Gonzalez","type":"INDIVIDUAL","tier":"A","phone":"+1-555-0102","email":"maria.gonzalez@mail.example"}'
    '{"name":"Jonas Berg","type":"INDIVIDUAL","tier":"B","phone":"+1-555-0103","email":"jonas.berg@mail.example"}'
    '{"name":"Li Wei","type":"INDIVIDUAL","tier":"C","phone":"+1-555-0104","email":"li.wei@mail.example"}'
  )
  for body in "${customers[@]}"; do
    status="$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/customers" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")" || status=000
    if [[ $status != 2* ]]; then
      say "  POST /api/customers answered $status for $body" >&2
      failed=1
    fi
  done
  if ((failed == 0)); then
    date -u +%FT%TZ >"$SEEDED"
    say "  ${#customers[@]} customers registered"
  else
    say "Seeding was incomplete; it runs again on the next up." >&2
  fi
}

summary() {
  local elapsed="$1" infra_only="$2"
  say ""
  if [[ -n $elapsed ]]; then say "Crossdesk local stack is up (started in $elapsed s)."; fi
  say "  Kafka        127.0.0.1:$KAFKA_PORT"
  say "  MongoDB      mongodb://127.0.0.1:$MONGO_PORT (databases crossdesk-<name>)"
  say "  Mail         SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT (./local-stack.sh mail)"
  say "  SMS gateway  http://127.0.0.1:$SMS_PORT/messages (./local-stack.sh sms)"
  if is_running zipkin; then
    say "  Traces       http://127.0.0.1:$ZIPKIN_PORT/zipkin/ (a ticket's trace: the traceparent of the answer that opened it)"
  fi
  if [[ $infra_only == false ]]; then
    say "  Gateway      $GATEWAY"
    say "  AGENT token  TOKEN=\$(curl -s -X POST $GATEWAY/dev/token -H 'Content-Type: application/json' \\"
    say "                 -d '$DEV_TOKEN_REQUEST' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')"
    say "               (roles: CUSTOMER AGENT DEPARTMENT SUPERVISOR ADMIN SYSTEM)"
    say "  Try          curl -s $GATEWAY/api/routing-rules -H \"Authorization: Bearer \$TOKEN\""
  fi
  say "  Logs         $LOGS/  (./local-stack.sh logs [name])"
  say "  Data         $DATA/  (kept by down; delete it for a fresh start)"
  say "  Status/stop  ./local-stack.sh status | ./local-stack.sh down"
}

cmd_up() {
  local infra_only=false components start
  for option in "$@"; do
    case "$option" in
      --infra) infra_only=true ;;
      --traces) TRACES=true ;;
      *) fail "unknown option $option" ;;
    esac
  done
  components=("${INFRA[@]}")
  [[ $TRACES == true ]] && components+=(zipkin)
  [[ $infra_only == false ]] && components+=("${SERVICES[@]}")

  local all_up=true
  for c in "${components[@]}"; do { is_running "$c" && healthy "$c"; } || all_up=false; done
  if [[ $all_up == true ]]; then
    say "Crossdesk local stack is already running."
    summary "" "$infra_only"
    return 0
  fi

  build_if_needed "$infra_only"
  start="$(now_ms)"
  mkdir -p "$LOGS" "$RUN" "$KEYS"
  trap 'say ""; say "Interrupted: what started keeps running; ./local-stack.sh down stops it." >&2; exit 130' INT

  local waiting=()
  for c in "${INFRA[@]}"; do healthy "$c" || waiting+=("$c"); done
  if [[ $TRACES == true ]] && ! healthy zipkin; then waiting+=(zipkin); fi
  if ((${#waiting[@]} > 0)); then say "Starting ${waiting[*]} ..."; fi
  start_infrastructure
  await_healthy "$start" 60 "${waiting[@]}"

  if [[ $infra_only == false ]]; then
    waiting=()
    for s in "${SERVICES[@]}"; do healthy "$s" || waiting+=("$s"); done
    say "Starting ${waiting[*]} ..."
    local services_started
    services_started="$(now_ms)"
    for s in "${waiting[@]}"; do is_running "$s" || start_service "$s"; done
    await_healthy "$services_started" "$START_TIMEOUT" "${waiting[@]}"
  fi
  local elapsed=$((($(now_ms) - start) / 1000))
  [[ $infra_only == false ]] && seed_demo_data
  summary "$elapsed" "$infra_only"
}

# ---------------------------------------------------------------------------------------------------
# down

# SIGTERM to all, wait up to the timeout for all of them together, then SIGKILL what is left.
stop_components() {
  local timeout="$1" pids=() names=() deadline pid
  shift
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$name")
    fi
  done
  ((${#pids[@]} == 0)) && return 0
  say "Stopping ${names[*]} ..."
  deadline=$(($(now_ms) + timeout * 1000))
  for i in "${!pids[@]}"; do
    while kill -0 "${pids[$i]}" 2>/dev/null && (($(now_ms) < deadline)); do sleep 0.2; done
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      say "  ${names[$i]} did not stop within $timeout s: killing it" >&2
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
    rm -f "$RUN/${names[$i]}.pid"
  done
}

cmd_down() {
  local any=false
  for c in "${SERVICES[@]}" "${INFRA[@]}" "${OPTIONAL[@]}"; do is_running "$c" && any=true; done
  if [[ $any == false ]]; then
    say "Nothing is running."
    return 0
  fi
  stop_components "$STOP_TIMEOUT" "${SERVICES[@]}"
  # Services first, so nothing writes while Kafka and MongoDB flush and close their files.
  stop_components 60 kafka
  stop_components 30 mongo
  stop_components 10 mail sms zipkin
  say "Stopped. Data is kept in $DATA/."
}

# ---------------------------------------------------------------------------------------------------
# bench

BENCH_JAR="$ROOT/benchmarks/target/benchmarks-$VERSION-exec.jar"

# Drives the running stack; results go to benchmarks/target/results/. Options given after bench
# override the addresses passed here.
cmd_bench() {
  local needed=("${INFRA[@]}" "${SERVICES[@]}")
  # The store alone, replaying a recording, needs nothing but the store.
  if [[ " $* " == *" --store-only "* ]]; then needed=(mongo); fi
  if [[ " $* " != *" --help "* ]]; then
    for c in "${needed[@]}"; do
      { is_running "$c" && healthy "$c"; } || fail "$c is not up; start the stack first: ./local-stack.sh up"
    done
  fi
  if [[ ! -f $BENCH_JAR ]]; then
    say "Building the benchmark ..."
    ./mvnw -q -DskipTests -pl benchmarks -am package || fail "build of the benchmark failed"
  fi
  local services=()
  for s in customer-service ticket-service workorder-service notification-service analytics-service; do
    services+=("$s=$(service_url "$s")")
  done
  exec "$JAVA" -Xmx1g -jar "$BENCH_JAR" \
    --gateway "$GATEWAY" --ticket-service "$(service_url ticket-service)" \
    --bootstrap-servers "127.0.0.1:$KAFKA_PORT" --services "$(IFS=,; echo "${services[*]}")" \
    --mongo "mongodb://127.0.0.1:$MONGO_PORT" \
    --run-dir "$RUN" --results "$ROOT/benchmarks/target/results" "$@"
}

# ---------------------------------------------------------------------------------------------------
# status, logs

cmd_status() {
  local pid health
  printf '%-22s %-8s %-6s %s\n' COMPONENT PID PORT STATE
  for c in "${INFRA[@]}" "${SERVICES[@]}" "${OPTIONAL[@]}"; do
    if [[ " ${OPTIONAL[*]} " == *" $c "* ]] && ! is_running "$c"; then continue; fi
    if pid="$(running_pid "$c")"; then
      if healthy "$c"; then health=UP; else health="running, not healthy"; fi
    else
      pid=-
      health=stopped
    fi
    printf '%-22s %-8s %-6s %s\n' "$c" "$pid" "$(service_port "$c")" "$health"
  done
}

# Where the cores go: CPU per component over a window, and its busiest threads (digits in thread
# names folded, so that a service's consumers count together). Read from /proc, so it costs the
# stack nothing; idle or under load alike.
cmd_cpu() {
  local secs="${1:-30}" before after
  [[ $secs =~ ^[0-9]+$ && $secs -gt 0 ]] || fail "usage: ./local-stack.sh cpu [seconds]"
  before="$(mktemp)"
  after="$(mktemp)"
  trap "rm -f '$before' '$after'" EXIT
  thread_ticks > "$before"
  [[ -s $before ]] || fail "nothing is running; start the stack first: ./local-stack.sh up"
  sleep "$secs"
  thread_ticks > "$after"
  echo "CPU over $secs s, in % of one core ($(nproc) cores here):"
  # A component's total is its process's (threads that ended in the window included); its threads
  # are those alive at the end.
  awk -F '\t' -v scale="$(awk -v s="$secs" -v hz="$(getconf CLK_TCK)" 'BEGIN { print 100 / s / hz }')" '
    FNR == NR { seen[$1 FS $2] = $3; if ($2 == "*") was[$1] = 1; next }
    { ticks = $3 - (($1 FS $2) in seen ? seen[$1 FS $2] : 0) }
    $2 == "*" { total[$1] = ticks; all += ticks; next }
    { group[$1 FS $4] += ticks; alive[$1] += ticks }
    END {
      for (c in total) {
        printf "%s\t \t%.1f\n", c, total[c] * scale
        if (total[c] - alive[c] > 0) printf "%s\t(ended threads)\t%.1f\n", c, (total[c] - alive[c]) * scale
      }
      for (g in group) { split(g, k, FS); printf "%s\t%s\t%.1f\n", k[1], k[2], group[g] * scale }
      for (c in was) if (!(c in total)) printf "%s\tstopped during the window\t-1\n", c
      printf "~all\t \t%.1f\n", all * scale
    }' "$before" "$after" |
    LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k3,3nr |
    awk -F '\t' '
      $1 != last { if (line != "") print line; last = $1; n = 0
                   if ($3 < 0) { line = sprintf("%-22s   %s", $1, $2); next }
                   line = sprintf("%-22s %5.1f ", $1 == "~all" ? "all" : $1, $3); next }
      $3 > 0 && n++ < 4 { line = line sprintf(" %s %.1f,", $2, $3) }
      END { print line }' | sed 's/[ ,]*$//'
}

# One line per running component (its process: component, "*", CPU ticks) and per thread
# (component, thread id, CPU ticks, name). A thread or a process that ends while it is read is
# left out.
thread_ticks() {
  local c pid
  for c in "${INFRA[@]}" "${SERVICES[@]}" "${OPTIONAL[@]}"; do
    pid="$(running_pid "$c")" || continue
    # ".../stat": "id (name) state ..."; utime and stime are the 12th and 13th fields after the
    # name, which may itself hold spaces and parentheses.
    { cat /proc/"$pid"/stat /proc/"$pid"/task/*/stat 2>/dev/null || true; } |
      awk -v c="$c" 'NR == 1 { tid = "*" } NR > 1 { tid = $1 } {
        open = index($0, "("); end = length($0)
        while (end > open && substr($0, end, 1) != ")") end--
        if (end <= open) next
        name = substr($0, open + 1, end - open - 1); gsub(/[0-9]+/, "N", name)
        split(substr($0, end + 2), f, " ")
        printf "%s\t%s\t%d\t%s\n", c, tid, f[12] + f[13], name
      }'
  done
}

# What a development sink received, one line each.
cmd_listing() {
  is_running "$1" || fail "$1 is not running; start the stack first: ./local-stack.sh up"
  curl -fsS -m 10 "$2" || fail "$1 did not answer at $2"
}

cmd_logs() {
  [[ -d $LOGS ]] || fail "no logs yet in $LOGS"
  if [[ -z ${1:-} ]]; then
    exec tail -n 20 -F "$LOGS"/*.log
  fi
  local name="$1"
  [[ -f $LOGS/$name.log || ! -f $LOGS/$name-service.log ]] || name="$name-service"
  [[ -f $LOGS/$name.log ]] || fail "no log for '$1'; known: $(cd "$LOGS" && ls -- *.log | sed 's/\.log$//' | tr '\n' ' ')"
  exec tail -n 100 -F "$LOGS/$name.log"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  cpu) shift; cmd_cpu "$@" ;;
  mail) cmd_listing mail "http://127.0.0.1:$MAIL_WEB_PORT/messages.txt" ;;
  sms) cmd_listing sms "http://127.0.0.1:$SMS_PORT/messages.txt" ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
