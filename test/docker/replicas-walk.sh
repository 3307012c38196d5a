# Walks docs/deployment.md section 10, "Several replicas with Docker Compose", sourced by guide-e2e.sh (its check,
# ok, bad, as_root and $project; run in its copy of the project): docker-compose.replicas.yaml with three
# replicas, Redis and HAProxy, on the sandbox tenant, under a compose project of its own. Where Docker Hub is out
# of reach, Redis's and HAProxy's images are stand-ins built from Debian's packages on the walk's base image.

echo "# 10. Several replicas with Docker Compose (docker-compose.replicas.yaml)"
replicas_project=$project-replicas
rc() { COMPOSE_PROJECT_NAME=$replicas_project COMPOSE_FILE=docker-compose.replicas.yaml:docker-compose.sandbox.yaml:walk-replicas.yaml docker compose "$@"; }

# A stand-in for an official image the file names, built from Debian's package on the walk's base image: the
# programs, users, folders and command the compose file relies on (sh, redis-server, redis-cli and /data writable
# by uid 999, as in Redis's image; haproxy reading
# /usr/local/etc/haproxy/haproxy.cfg as the user haproxy).
standin() {
  local image=$1 dockerfile
  case $image in
    redis:*) dockerfile="FROM $base
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null && rm -rf /var/lib/apt/lists/* && mkdir /data && chown 999:1000 /data
LABEL ms365-mcp.walk-standin=1
VOLUME /data
WORKDIR /data
CMD [\"redis-server\"]" ;;
    haproxy:*) dockerfile="FROM $base
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null && rm -rf /var/lib/apt/lists/*
LABEL ms365-mcp.walk-standin=1
USER haproxy
STOPSIGNAL SIGUSR1
CMD [\"haproxy\", \"-W\", \"-db\", \"-f\", \"/usr/local/etc/haproxy/haproxy.cfg\"]" ;;
    *) return 1 ;;
  esac
  docker build -q -t "$image" - <<<"$dockerfile" >/tmp/guide-e2e-standin.log 2>&1 || { tail -5 /tmp/guide-e2e-standin.log; return 1; }
}
for image in $(sed -n 's/^ *image: \(\(redis\|haproxy\):.*\)$/\1/p' docker-compose.replicas.yaml); do
  docker image inspect "$image" >/dev/null 2>&1 || docker pull -q "$image" >/dev/null 2>&1 || standin "$image" \
    && ok "image $image" || bad "image $image (docker pull, or a stand-in from Debian's packages)"
done

# As the section says: the secrets as files owned by uid/gid 1000, and .env naming the public URL and its host. The
# sandbox's own app registration stands for the reader's (walk-replicas.yaml, after the sandbox file's ids), and
# the walk's MCP client is pre-registered with the front.
sandbox_secret=$(sed -n "s/^export const SANDBOX_SERVER_SECRET = '\(.*\)';$/\1/p" src/sandbox/contract.ts)
sandbox_app=$(sed -n "s/^export const SANDBOX_SERVER_APP_ID = '\(.*\)';$/\1/p" src/sandbox/contract.ts)
sandbox_tenant=$(sed -n "s/^export const SANDBOX_TENANT_ID = '\(.*\)';$/\1/p" src/sandbox/contract.ts)
printf '%s' "$sandbox_secret" >mcp-client-secret
openssl rand -hex 32 >redis-password
openssl rand -base64 32 >mcp-encryption-key
as_root chown 1000:1000 mcp-client-secret redis-password mcp-encryption-key && as_root chmod 440 mcp-client-secret redis-password mcp-encryption-key
replicas_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
public=http://127.0.0.1:$replicas_port
printf 'MS365_MCP_PUBLIC_URL=%s\nMS365_MCP_ALLOWED_HOSTS=127.0.0.1\nMS365_MCP_REPLICAS=3\nMS365_MCP_HTTP_PORT=%s\n' "$public" "$replicas_port" >>.env
printf '[{"client_id": "walk-client", "client_name": "Docker walk", "redirect_uris": ["http://127.0.0.1:33419/callback"]}]\n' >oauth-clients.json
cat >walk-replicas.yaml <<YAML
services:
  ms365-mcp:
    environment:
      MS365_MCP_CLIENT_ID: $sandbox_app
      MS365_MCP_TENANT_ID: $sandbox_tenant
      MS365_MCP_OAUTH_CLIENTS_FILE: /app/oauth-clients.json
      # The walk calls faster than a person: no per-person rate limit.
      MS365_MCP_RATE_LIMIT: "0"
    volumes:
      - ./oauth-clients.json:/app/oauth-clients.json:ro
  sandbox:
    environment:
      MS365_MCP_SANDBOX_USER: ""
YAML
export MS365_MCP_HTTP_PORT=$replicas_port
rc down -v --remove-orphans >/dev/null 2>&1
if rc up -d --build >/tmp/guide-e2e-replicas-up.log 2>&1; then ok "docker compose -f docker-compose.replicas.yaml up -d --build"; else tail -20 /tmp/guide-e2e-replicas-up.log; bad "docker compose -f docker-compose.replicas.yaml up -d --build"; fi
healthy_replicas() { rc ps ms365-mcp 2>/dev/null | grep -c '(healthy)'; }
for _ in $(seq 60); do [[ $(healthy_replicas) == 3 ]] && break; sleep 2; done
[[ $(healthy_replicas) == 3 ]] && ok "ps: three ms365-mcp replicas (healthy)" || { rc ps; rc logs --tail 20 ms365-mcp; bad "ps: three ms365-mcp replicas (healthy)"; }
ready=""
for _ in $(seq 30); do [[ $(curl -s -o /dev/null -w '%{http_code}' "$public/readyz") == 200 ]] && ready=1 && break; sleep 1; done
[[ -n $ready ]] && ok "curl /readyz through HAProxy answers 200" || { rc logs --tail 20 haproxy; bad "curl /readyz through HAProxy answers 200"; }

sandbox_ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$replicas_project-sandbox")
client() { node "$here/replicas-client.mjs" "$@"; }
if client sign-in "$public" "http://$sandbox_ip:8080" adele.vance@contoso.sandbox megan.bowen@contoso.sandbox >replicas-tokens.json 2>/tmp/guide-e2e-replicas-client.log; then ok "two people sign in through the front, via HAProxy"; else cat /tmp/guide-e2e-replicas-client.log; bad "two people sign in through the front, via HAProxy"; fi
calls_ok() { local r; r=$(client calls "$public" replicas-tokens.json "$1" 2>&1); [[ $r == "{\"ok\":$1,\"wrong\":0,\"failed\":[]}" ]] || { echo "$r" | head -c 600; echo; return 1; }; }
calls_ok 30 && ok "30 tool calls: each answer is its caller's" || bad "30 tool calls: each answer is its caller's"
served=$(rc logs ms365-mcp 2>/dev/null | grep '"tool":"users_get_me"' | sed -n 's/^\([^ |]*\) *|.*/\1/p' | sort -u | wc -l)
[[ $served == 3 ]] && ok "every replica served some of them (their audit lines)" || bad "every replica served some of them (their audit lines: $served replicas)"
scan=$(rc exec -T redis sh -c 'REDISCLI_AUTH="$(cat /run/secrets/redis_password)" redis-cli --scan --pattern "ms365mcp:msal:*"' 2>&1)
[[ $(grep -c '^ms365mcp:msal:' <<<"$scan") == 2 ]] && ok "Redis holds one token cache partition per person" || { echo "$scan" | head; bad "Redis holds one token cache partition per person"; }
values=$(rc exec -T redis sh -c 'export REDISCLI_AUTH="$(cat /run/secrets/redis_password)"; for k in $(redis-cli --scan --pattern "ms365mcp:*"); do redis-cli get "$k"; done' 2>&1)
! grep -qiE 'contoso|adele|megan|refresh' <<<"$values" && grep -q '^m365e1\.' <<<"$values" && ok "what Redis holds is sealed (no names, no tokens)" || bad "what Redis holds is sealed (no names, no tokens)"

# A crash, not `docker kill` (which Docker counts as a stop and does not restart): SIGKILL from the host to the
# replica's process.
victim=$(rc ps -q ms365-mcp | head -1)
as_root kill -KILL "$(docker inspect -f '{{.State.Pid}}' "$victim")"
# Nothing was in flight on it: HAProxy sends the calls that meet the dead replica (refused, unreachable) to another.
calls_ok 30 && ok "a replica killed with SIGKILL: the next 30 calls all succeed" || bad "a replica killed with SIGKILL: the next 30 calls all succeed"
check "docker compose restart redis" rc restart redis
back=""
for _ in $(seq 20); do calls_ok 8 >/dev/null && back=1 && break; sleep 2; done
[[ -n $back ]] && calls_ok 30 && ok "after Redis restarts, everyone is served without signing in again" || bad "after Redis restarts, everyone is served without signing in again"
for _ in $(seq 40); do [[ $(healthy_replicas) == 3 ]] && break; sleep 2; done
[[ $(healthy_replicas) == 3 ]] && ok "the killed replica is back (restart: unless-stopped) and healthy" || bad "the killed replica is back (restart: unless-stopped) and healthy"
rc down -v >/dev/null 2>&1
check "down -v removes Redis's volume" sh -c "! docker volume inspect ${replicas_project}-redis-data"
