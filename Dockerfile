# One image for the web tier and the collector workers.
#   web:      docker run -p 3000:3000 -e HOST=0.0.0.0 -e DATABASE_URL=postgres://… imagefleet
#   workers:  docker run -e DATABASE_URL=postgres://… imagefleet node --conditions=react-server --import tsx scripts/collector.ts
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source where no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app /app
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3000
# The server process itself, not npm or the tsx CLI: SIGTERM (`docker stop`) reaches it and it exits.
CMD ["node", "--conditions=react-server", "--import", "tsx", "scripts/start.ts"]
