# The gateway image: dependencies, the bundles of `npm run build`, and `node dist/gateway/main.js` (with the node flags
# of `npm start`: see tools/bench/src/gateway-node-flags.ts).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/gateway/package.json apps/gateway/
COPY apps/dashboard/package.json apps/dashboard/
COPY libs ./libs
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
USER node
EXPOSE 8080
CMD ["node", "--max-semi-space-size=8", "dist/gateway/main.js", "--config", "/etc/gatehouse/gatehouse.yaml"]
