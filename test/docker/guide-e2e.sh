#!/usr/bin/env bash
# Walks the Docker deployment guide (../shared/spec/docker-deployment-guide.md, docs/deployment.md) against (// shared-optional)
# the sandbox tenant, with the guide's commands as written, and checks what they give. Ends with "N passed, N failed".
# Needs a running Docker engine with the compose plugin; the official base image comes from Docker Hub. On a
# machine without either, the offline helpers of ../shared/docker (when they are there) start an engine (as root) (// shared-optional)
# and build a stand-in for the base image (and replicas-walk.sh, for Redis's and HAProxy's images).
# It names everything its own way (COMPOSE_PROJECT_NAME, as the guide says to run several instances): container,
# networks, volumes, image and host port, so it creates, and removes, only its own, never a real deployment's.
# Usage: bash test/docker/guide-e2e.sh   (KEEP=1 leaves the containers up at the end)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
offline_helpers=$repo/../shared/docker # used only when there (// shared-optional)
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
bad() { failed=$((failed + 1)); echo "not ok - $*"; }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }
finish() { echo "$passed passed, $failed failed"; [[ $failed == 0 ]]; exit $?; }
pty() { python3 "$here/pty_run.py" "$@"; }

# The walk's names, where the guide has ms365-mcp-server, ms365-mcp-token-cache, mcp-shared-network, ...
export COMPOSE_PROJECT_NAME=${GUIDE_WALK_PROJECT:-ms365-mcp-guide-walk}
project=$COMPOSE_PROJECT_NAME
server=$project-server
volume=$project-token-cache
image=$project-server:latest
shared_network=$project-shared-network
client=$project-client-test

engine_ready() { docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; }
if ! engine_ready && [[ -f $offline_helpers/start-dockerd.sh && $(id -u) == 0 ]]; then
  bash "$offline_helpers/start-dockerd.sh" >/tmp/guide-e2e-dockerd.log 2>&1 || tail -5 /tmp/guide-e2e-dockerd.log
fi
engine_ready || { echo "needs a running Docker engine and 'docker compose' (docker info, docker compose version)"; bad "Docker engine answers"; finish; }
base=$(sed -n 's/^FROM \(node:[^ ]*\).*/\1/p' "$repo/Dockerfile" | head -1)
if ! docker image inspect "$base" >/dev/null 2>&1 && [[ -f $offline_helpers/offline-node-base.sh ]]; then
  bash "$offline_helpers/offline-node-base.sh" "$base" >/tmp/guide-e2e-base.log 2>&1 || { tail -5 /tmp/guide-e2e-base.log; bad "base image $base"; finish; }
fi

# The project as a user clones it, with .env from .env.example: the two ids filled in, the sandbox on,
# short-lived access tokens and a one-minute keep-alive so refreshes happen while we watch.
work=$(mktemp -d /tmp/ms365-guide-XXXX)
(cd "$repo" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$work"
cd "$work" || exit 1
cp .env.example .env
sed -i 's/^MS365_MCP_CLIENT_ID=.*/MS365_MCP_CLIENT_ID=11111111-2222-4333-8444-555555555555/;
        s/^MS365_MCP_TENANT_ID=.*/MS365_MCP_TENANT_ID=66666666-7777-4888-9999-000000000000/;
        s/^# COMPOSE_FILE=/COMPOSE_FILE=/; s/^MS365_MCP_KEEPALIVE_MINUTES=.*/MS365_MCP_KEEPALIVE_MINUTES=1/' .env
sed -i "s/^COMPOSE_PROJECT_NAME=.*/COMPOSE_PROJECT_NAME=$project/" .env
grep -q "^COMPOSE_PROJECT_NAME=$project\$" .env || { bad ".env.example sets COMPOSE_PROJECT_NAME"; finish; }
echo 'MS365_MCP_SANDBOX_TOKEN_LIFETIME=20' >>.env
chmod 600 .env
cleanup() {
  [[ ${KEEP:-0} == 1 ]] && return
  docker compose down -v --remove-orphans >/dev/null 2>&1
  docker rm -f "$client" >/dev/null 2>&1
  docker network rm "$shared_network" >/dev/null 2>&1
  declare -F rc >/dev/null && rc down -v --remove-orphans >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
# What an earlier walk may have left (its own names only).
docker compose down -v --remove-orphans >/dev/null 2>&1
docker rm -f "$client" >/dev/null 2>&1
docker network rm "$shared_network" >/dev/null 2>&1

echo "# 3. Build the Docker image"
if docker compose build >/tmp/guide-e2e-build.log 2>&1; then ok "docker compose build"; else tail -20 /tmp/guide-e2e-build.log; bad "docker compose build"; finish; fi
check "docker images | grep ms365-mcp" sh -c "docker images | grep ms365-mcp | grep -q '^$project-server '"
size=$(docker image inspect "$image" --format '{{.Size}}')
echo "# image size: $((size / 1024 / 1024)) MiB"

echo "# 4. Initial authentication: docker compose run --rm ms365-mcp, Ctrl+C after success"
out=$(pty 120 'Device code login successful' docker compose run --rm ms365-mcp 2>&1)
grep -q 'To sign in, use a web browser to open the page http://[^ ]*/devicelogin and enter the code [A-Z0-9]* to authenticate' <<<"$out" && ok "run --rm prints the device-code message" || bad "run --rm prints the device-code message"
grep -q 'Device code login successful' <<<"$out" && ok "run --rm logs Device code login successful" || { echo "$out" | tail -20; bad "run --rm logs Device code login successful"; }
sleep 2
check "Ctrl+C ends the run and removes its container" sh -c "[ -z \"\$(docker ps -aq --filter label=com.docker.compose.project=$project --filter label=com.docker.compose.oneoff=True)\" ]"
check "the volume ms365-mcp-token-cache ($volume) exists" docker volume inspect "$volume"

echo "# 5. Start the service"
check "docker compose up -d" docker compose up -d
healthy=""
for _ in $(seq 40); do
  [[ $(docker inspect -f '{{.State.Health.Status}}' "$server" 2>/dev/null) == healthy ]] && healthy=1 && break
  sleep 3
done
[[ -n $healthy ]] && ok "docker compose ps: up and healthy" || { docker compose ps; bad "docker compose ps: up and healthy"; }
docker compose ps | grep -q "$server.*Up" && ok "ps lists ms365-mcp-server ($server) Up" || bad "ps lists ms365-mcp-server ($server) Up"

echo "# 6. Verify token cache"
listing=$(pty 30 '' docker compose exec ms365-mcp ls -lh /app/data/ 2>&1)
grep -q 'token-status.json' <<<"$listing" && ok "exec ls -lh /app/data/ shows the token status file" || { echo "$listing"; bad "exec ls -lh /app/data/ shows the token status file"; }
listing=$(pty 30 '' docker compose exec ms365-mcp ls -la /app/data/ 2>&1)
grep -q '.token-cache.json' <<<"$listing" && grep -q '.selected-account.json' <<<"$listing" && ok "exec ls -la /app/data/ shows both token files" || { echo "$listing"; bad "exec ls -la /app/data/ shows both token files"; }
modes=$(docker compose exec -T ms365-mcp stat -c '%a %U %n' /app/data/.token-cache.json /app/data/.selected-account.json)
[[ $(grep -c '^600 node ' <<<"$modes") == 2 ]] && ok "token files are 0600 and owned by node" || { echo "$modes"; bad "token files are 0600 and owned by node"; }
check "docker volume inspect ms365-mcp-token-cache ($volume)" docker volume inspect "$volume"

echo "# hardening"
[[ $(docker inspect -f '{{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' "$server") == '{} {}' ]] && ok "no port is published" || bad "no port is published"
[[ $(docker compose exec -T ms365-mcp id -u) == 1000 ]] && ok "the server runs as node, not root" || bad "the server runs as node, not root"
[[ $(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$server") == true ]] && ok "root filesystem is read-only" || bad "root filesystem is read-only"
check "writing to the root filesystem fails" sh -c '! docker compose exec -T ms365-mcp touch /app/x'
docker inspect -f '{{json .HostConfig.CapDrop}}' "$server" | grep -q ALL && ok "all capabilities dropped" || bad "all capabilities dropped"
for c in "$server" "$project-sandbox"; do
  limits=$(docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config "max-size"}} {{json .HostConfig.Tmpfs}}' "$c")
  [[ $limits =~ ^[1-9][0-9]*\ [1-9][0-9]*\ local\ 10m\ .*size=64m ]] && ok "$c: memory, pids, log rotation and /tmp size are bounded" || { echo "$limits"; bad "$c: memory, pids, log rotation and /tmp size are bounded"; }
done
[[ -z $(docker compose exec -T ms365-mcp find / -xdev -type f -perm /6000 2>/dev/null) ]] && ok "no setuid/setgid programs to gain privileges through" || bad "no setuid/setgid programs to gain privileges through"
[[ $(docker compose exec -T ms365-mcp sh -c 'grep CapEff /proc/1/status' | tr -d '\r') == $'CapEff:\t0000000000000000' ]] && ok "the server process has no capabilities" || bad "the server process has no capabilities"

echo "# Container-to-container: the guide's echo pipe and Python pattern"
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"test","version":"1.0"}}}'
answer=$(echo "$init" | docker exec -i "$server" node /app/dist/index.js 2>/dev/null)
grep -q '"serverInfo":{"name":"ms-365-mcp-server"' <<<"$answer" && ok "echo initialize | docker exec -i answers" || { echo "$answer"; bad "echo initialize | docker exec -i answers"; }
cat >python_client.py <<'PY'
import subprocess
import json

def call_mcp_tool(method, params):
    """Call MS365 MCP server tool from client container."""
    mcp_request = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": method,
        "params": params
    }
    process = subprocess.Popen(
        ["docker", "exec", "-i", "ms365-mcp-server",
         "node", "/app/dist/index.js"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE
    )
    stdout, stderr = process.communicate(
        input=json.dumps(mcp_request).encode()
    )
    return json.loads(stdout.decode())

response = call_mcp_tool("tools/list", {})
print(response)
me = call_mcp_tool("tools/call", {"name": "users_get_me", "arguments": {}})
print(me["result"]["structuredContent"]["displayName"])
PY
sed -i "s/\"ms365-mcp-server\"/\"$server\"/" python_client.py # the guide's container name, adjusted to the project name
py=$(python3 python_client.py 2>&1)
grep -q "'name': 'users_get_me'" <<<"$py" && ok "Python call_mcp_tool(\"tools/list\", {})" || { echo "$py"; bad "Python call_mcp_tool(\"tools/list\", {})"; }
grep -q '^Adele Vance$' <<<"$py" && ok "Python call_mcp_tool tools/call users_get_me" || bad "Python call_mcp_tool tools/call users_get_me"

echo "# Container-to-container over a shared external network"
check "docker network create mcp-shared-network ($shared_network)" docker network create "$shared_network"
cat >docker-compose.shared.yaml <<YAML
services:
  ms365-mcp:
    networks:
      - ms365-mcp-net
      - mcp-shared-network
networks:
  mcp-shared-network:
    external: true
    name: $shared_network
YAML
sed -i 's/^COMPOSE_FILE=.*/COMPOSE_FILE=docker-compose.yaml:docker-compose.sandbox.yaml:docker-compose.shared.yaml/' .env
docker compose down >/dev/null 2>&1 && docker compose up -d >/dev/null 2>&1 && ok "down, then up -d on the shared network" || bad "down, then up -d on the shared network"
docker run -d --name "$client" --network "$shared_network" --user root \
  -v /var/run/docker.sock:/var/run/docker.sock -v "$(command -v docker)":/usr/local/bin/docker:ro \
  "$image" sleep 600 >/dev/null
call='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"users_get_me","arguments":{}}}'
exec_call() { echo "$call" | docker exec -i "$server" node /app/dist/index.js 2>/dev/null; }
wait_exec_call() { for _ in $(seq 20); do exec_call | grep -q '"displayName":"Adele Vance"' && return 0; sleep 1; done; return 1; }
from_client=$(docker exec "$client" sh -c "echo '$call' | docker exec -i $server node /app/dist/index.js" 2>/dev/null)
grep -q '"displayName":"Adele Vance"' <<<"$from_client" && ok "a tool call from a second container via docker exec" || { echo "$from_client"; bad "a tool call from a second container via docker exec"; }
net=$(docker network inspect "$shared_network")
grep -q "\"Name\": \"$server\"" <<<"$net" && grep -q "\"Name\": \"$client\"" <<<"$net" && ok "docker network inspect shows both containers" || bad "docker network inspect shows both containers"
echo "# after down/up: no new sign-in"
wait_exec_call && ! docker compose logs ms365-mcp 2>&1 | grep -q 'To sign in' && ok "up after down needed no new sign-in" || bad "up after down needed no new sign-in"

echo "# Token refresh: 20-second access tokens, the main process and exec sessions sharing the cache"
calls_ok=0
for i in $(seq 8); do
  r=$(echo "$call" | docker exec -i "$server" node /app/dist/index.js 2>/dev/null)
  grep -q '"displayName":"Adele Vance"' <<<"$r" && calls_ok=$((calls_ok + 1))
  sleep 10
done
[[ $calls_ok == 8 ]] && ok "exec calls keep working across access-token expiry ($calls_ok/8)" || bad "exec calls keep working across access-token expiry ($calls_ok/8)"
refreshes=$(docker compose logs 2>&1 | grep -i refresh)
grep -q "$server.*keep-alive token refresh" <<<"$refreshes" && grep -q "$server.*token refresh succeeded" <<<"$refreshes" \
  && ok "docker compose logs | grep -i refresh shows the main process refreshing" || { echo "$refreshes" | tail; bad "docker compose logs | grep -i refresh shows the main process refreshing"; }
sleep 25
r=$(echo "$call" | docker exec -i "$server" node /app/dist/index.js 2>&1)
grep -q 'token refresh succeeded' <<<"$r" && grep -q '"displayName":"Adele Vance"' <<<"$r" && ok "an exec session refreshes an expired token itself" || { echo "$r" | tail -3; bad "an exec session refreshes an expired token itself"; }

errors=$(docker compose logs 2>&1 | grep -i error)
[[ -z $errors ]] && ok "docker compose logs | grep -i error: nothing in normal operation" || { echo "$errors" | tail -5; bad "docker compose logs | grep -i error: nothing in normal operation"; }

echo "# Management"
check "docker compose restart" docker compose restart
# Both containers restart: the call right after must ride out the tenant still starting up.
r=$(echo "$call" | docker exec -i "$server" node /app/dist/index.js 2>&1)
grep -q '"displayName":"Adele Vance"' <<<"$r" && ! grep -q 'To sign in' <<<"$r" && ok "after restart: tool calls work with no new sign-in" || { echo "$r" | tail -5; bad "after restart: tool calls work with no new sign-in"; }
check "docker compose exec -u root ms365-mcp chown -R node:node /app/data" pty 30 '' docker compose exec -u root ms365-mcp chown -R node:node /app/data
shell=$(pty 20 '' docker compose exec ms365-mcp sh -c 'echo shell-works' 2>&1)
grep -q shell-works <<<"$shell" && ok "docker compose exec ms365-mcp sh" || bad "docker compose exec ms365-mcp sh"
start=$(date +%s)
docker compose stop >/dev/null 2>&1
took=$(($(date +%s) - start))
((took <= 5)) && ok "docker compose stop takes ${took}s (no 10-second kill)" || bad "docker compose stop takes ${took}s"
check "up -d again after stop" docker compose up -d

echo "# Updating the application: down, build, up -d; tokens are preserved in the volume"
docker compose down >/dev/null 2>&1
check "docker compose build (update)" docker compose build
check "docker compose up -d (update)" docker compose up -d
wait_exec_call && ! docker compose logs ms365-mcp 2>&1 | grep -q 'To sign in' && ok "after the update: tool calls work with no new sign-in" || bad "after the update: tool calls work with no new sign-in"
# Read whole first: with pipefail, grep -q leaving early would fail the pipe (SIGPIPE) on a match.
started_log=$(docker compose logs ms365-mcp 2>&1)
grep -q 'auth: signed in as a\*\*\*@contoso.sandbox; access token good until' <<<"$started_log" && ok "docker compose logs shows at once who is signed in, and until when" || { grep -a 'auth:' <<<"$started_log" | tail -5; bad "docker compose logs shows at once who is signed in, and until when"; }

echo "# Troubleshooting, tokens expired: down, volume rm, run --rm to sign in again, up -d"
docker compose down >/dev/null 2>&1
check "docker volume rm <the token volume> ($volume)" docker volume rm "$volume"
out=$(pty 120 'Device code login successful' docker compose run --rm ms365-mcp 2>&1)
grep -q 'Device code login successful' <<<"$out" && ok "run --rm signs in again into a new volume" || { echo "$out" | tail -5; bad "run --rm signs in again into a new volume"; }
check "docker compose up -d (after signing in again)" docker compose up -d
wait_exec_call && ok "tool calls work again" || bad "tool calls work again"

echo "# 8. HTTP transport across hosts: docker-compose.http.yaml, the bearer token from a Docker secret"
# `sudo chown` as the guide says, where the walk is not root already.
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo -n "$@"; fi; }
openssl rand -hex 32 >mcp-http-token && as_root chown 1000 mcp-http-token && as_root chmod 400 mcp-http-token
# A free port of the host's loopback, not the guide's 3000 that a real deployment may hold.
export MS365_MCP_HTTP_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
http_up() { COMPOSE_FILE=docker-compose.yaml:docker-compose.sandbox.yaml:docker-compose.http.yaml docker compose "$@"; }
check "up -d with docker-compose.http.yaml" http_up up -d
serving=""
for _ in $(seq 30); do
  http_up logs ms365-mcp 2>&1 | grep -q 'serving MCP at http://0.0.0.0:3000/mcp (clients must send the token' && serving=1 && break
  sleep 1
done
[[ -n $serving ]] && ok "the server logs that clients must send the token" || { http_up logs ms365-mcp 2>&1 | tail -5; bad "the server logs that clients must send the token"; }
mcp_post() { curl -s -o "$1" -w '%{http_code}' -X POST "http://127.0.0.1:$MS365_MCP_HTTP_PORT/mcp" -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' "${@:3}" --data "$2"; }
[[ $(mcp_post /dev/null "$call") == 401 ]] && ok "a request without the token gets 401" || bad "a request without the token gets 401"
code=$(mcp_post /tmp/guide-e2e-http.out "$call" -H "authorization: Bearer $(cat mcp-http-token)")
[[ $code == 200 ]] && grep -q '"displayName":"Adele Vance"' /tmp/guide-e2e-http.out && ok "a tool call over HTTP with the token, on the same sign-in" || { echo "$code $(head -c 300 /tmp/guide-e2e-http.out)"; bad "a tool call over HTTP with the token, on the same sign-in"; }
r=$(echo "$call" | docker exec -i "$server" node /app/dist/index.js 2>/dev/null)
grep -q '"displayName":"Adele Vance"' <<<"$r" && ok "docker exec -i still speaks stdio beside the HTTP main process" || bad "docker exec -i still speaks stdio beside the HTTP main process"
docker compose down -v >/dev/null 2>&1
check "down -v removes the token volume" sh -c "! docker volume inspect $volume"
source "$here/replicas-walk.sh"
finish
