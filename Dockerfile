# ms-365-mcp-server: Microsoft 365 MCP server (stdio by default), see docs/deployment.md.
# Build stage: full install and TypeScript build.
FROM node:24-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY scripts/manifest.mjs ./scripts/
# tsc, then dist/tool-manifest.json (the listed tools, read at every start instead of the tool modules).
RUN npm run build && test -s dist/tool-manifest.json

# Runtime stage: production dependencies and the built server only.
FROM node:24-trixie-slim
LABEL org.opencontainers.image.title="ms-365-mcp-server" \
      org.opencontainers.image.description="Microsoft 365 MCP server over Microsoft Graph: device-code sign-in, self-refreshing tokens, stdio or Streamable HTTP" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="0.1.0"
ENV NODE_ENV=production \
    MS365_MCP_TOKEN_CACHE_PATH=/app/data/.token-cache.json \
    MS365_MCP_SELECTED_ACCOUNT_PATH=/app/data/.selected-account.json \
    MS365_MCP_SANDBOX_STATE_DIR=/app/data/sandbox-tenant
WORKDIR /app
COPY package.json package-lock.json ./
# No setuid/setgid programs: nothing in the container can gain privileges by running one.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
 && mkdir -p /app/data && chown node:node /app/data && chmod 0700 /app/data \
 && find / -xdev -type f -perm /6000 -exec chmod a-s {} +
COPY --from=build /app/dist ./dist
# V8's compile cache for the modules a start loads, made here at build time by the user that runs the
# server (the cache is per user id): a tools/list answered by the fast path, then a call that hands over
# to the full server and loads MSAL (a placeholder client id, no sign-in started), then every tool group's
# code (groups load when one of their tools is first called).
ENV NODE_COMPILE_CACHE=/app/.node-compile-cache
RUN mkdir /app/.node-compile-cache && chown node:node /app/.node-compile-cache
USER node
RUN printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}' '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"auth_status","arguments":{}}}' \
  | MS365_MCP_ORG_MODE=true MS365_MCP_CLIENT_ID=00000000-0000-0000-0000-000000000000 MS365_MCP_AUTO_LOGIN=false HOME=/tmp node dist/index.js | grep -q '"id":2' \
 && node --input-type=module -e "await import('/app/dist/tools/index.js')" \
 && test -n "$(ls -A /app/.node-compile-cache)"
# Unhealthy when no account is signed in or the last refresh failed for good (reads files only).
HEALTHCHECK --interval=30s --timeout=10s --start-period=10s --retries=2 CMD ["node", "/app/dist/index.js", "--health"]
CMD ["node", "/app/dist/index.js"]
