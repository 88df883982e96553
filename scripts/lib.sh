# Steps the project's scripts share; sourced by ./dev, .ci/run and scripts/*/ (never run on its own).
# Every function assumes the current directory is the repository's root.

# A JDK 25 wherever the machine keeps one; MAILCONFIG_JAVA_HOME or JAVA_HOME first.
find_jdk25() {
  local candidate
  for candidate in "${MAILCONFIG_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/*25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate"; return 0
    fi
  done
  echo "mailconfig needs JDK 25: install Temurin 25 (/usr/lib/jvm/temurin-25-jdk-amd64) or set MAILCONFIG_JAVA_HOME" >&2
  return 1
}

# ensure_packages COMMAND=PACKAGE...: installs the Debian package of each command that is missing;
# COMMAND is a name on the PATH or a path, which may hold a glob (/usr/lib/postgresql/*/bin/postgres).
ensure_packages() {
  local wanted=() pair sudo=""
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || compgen -G "${pair%%=*}" >/dev/null || wanted+=("${pair#*=}")
  done
  [ ${#wanted[@]} -gt 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${wanted[*]} (Debian packages)" >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
}

# copy-dependencies never deletes what an earlier build copied: start from an empty lib/ so an
# old version of a jar cannot shadow the current one.
fresh_lib() {
  rm -rf "$1/target/lib"
}

# build_if_changed MODULE: packages MODULE and what it depends on, unless nothing it is built from
# changed since the last time (a stamp in MODULE/target).
build_if_changed() {
  local module="$1" stamp="$1/target/.mailconfig-built"
  # Every module of the reactor, as pom.xml lists them.
  local modules
  modules=$(sed -n 's|.*<module>\(.*\)</module>.*|\1|p' pom.xml)
  # shellcheck disable=SC2086 # one word per module
  if [ -f "$stamp" ] && [ -d "$module/target/lib" ] && [ -z "$(find pom.xml events $modules \
      \( -name target -o -name cdk.out -o -name node_modules \) -prune -o -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  fresh_lib "$module"
  # To stderr: Maven prints colour resets even with -q, and callers read this function's stdout.
  mvn -B -ntp -q -Dstyle.color=never -pl "$module" -am package -DskipTests >&2
  touch "$stamp"
}

# start_local_server PORT LOG: ./dev run's server in the background on 127.0.0.1:PORT (sets
# SERVER_PID), returning once it answers; stopped when the calling script exits.
start_local_server() {
  local port="$1" log="$2"
  build_if_changed local
  java --enable-native-access=ALL-UNNAMED -cp "$(module_classpath local)" \
    io.mailconfig.local.LocalMain --port "$port" >"$log" 2>&1 &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the local server did not start:" >&2; cat "$log" >&2; return 1; }
    sleep 0.5
  done
  echo "the local server did not answer within 60 s" >&2
  return 1
}

# module_classpath MODULE: what java runs a built module with (its classes and the jars build_if_changed copies).
module_classpath() {
  echo "$1/target/classes:$1/target/lib/*"
}

# wrk_value FILE NAME: one figure of the SOAK line scripts/soak/rotate.lua prints at the end of a wrk run.
wrk_value() {
  grep '^SOAK ' "$1" | grep -o " $2=[^ ]*" | cut -d= -f2
}

# sample_request_lists DIR: the sample requests (events/samples/) as wrk request lists in DIR, one
# per protocol plus all.txt (see io.mailconfig.local.SampleRequests); prints the protocols.
sample_request_lists() {
  build_if_changed local
  java -cp "$(module_classpath local)" io.mailconfig.local.SampleRequests "$1"
}
