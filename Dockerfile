# syntax=docker/dockerfile:1
# One image for the three processes of docker-compose.yml: migrate (cli setup), api and worker.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm ci` rejects this lockfile (it omits some platform builds the registry lacks); install honours it.
RUN npm install --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
# `npm run build` runs nest build for the apps; build the cli too if it did not.
RUN npm run build \
 && { find dist/apps/cli -name main.js 2>/dev/null | grep -q . || npx nest build cli; }
# The dashboard, served by the API at / (apps/web/dist).
RUN npx vite build --config apps/web/vite.config.mts
# tsc keeps the source layout (dist/apps/APP/src/main.js or deeper): give every app a stable
# entry at dist/apps/APP/main.js, which docker-compose.yml runs.
RUN set -e; for app in api worker cli; do \
      if [ ! -f "dist/apps/$app/main.js" ]; then \
        f="$(find "dist/apps/$app" -type f -path "*/apps/$app/src/main.js" | head -n 1)"; \
        [ -n "$f" ] || { echo "no compiled main.js for $app" >&2; exit 1; }; \
        printf 'require("./%s");\n' "${f#dist/apps/$app/}" > "dist/apps/$app/main.js"; \
      fi; \
    done
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
