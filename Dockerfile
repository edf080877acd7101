# One image for every service; SERVICE selects which one runs.
# Node.js 24 LTS (20 reached end of life on 2026-04-30).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
COPY bench ./bench
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The image's `node` user by number, so Kubernetes can verify runAsNonRoot; nothing under /app is writable.
USER 1000:1000
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
