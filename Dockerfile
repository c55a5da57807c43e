# syntax=docker/dockerfile:1
# One image recipe for every service: docker compose builds it once per service with SERVICE set.

# --- web app: built with Node (only the gateway's image uses it; the others skip it) -----------------
FROM node:22-slim AS web
WORKDIR /web-ui
COPY web-ui/package.json web-ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web-ui/ ./
RUN npm run build

# --- build: the service's jar and the modules it needs, with the Maven wrapper ---------------------
FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY contract/ contract/
COPY torrent-lib/ torrent-lib/
COPY service-web/ service-web/
COPY test-infra/ test-infra/
COPY gateway-service/ gateway-service/
COPY auth-service/ auth-service/
COPY media-service/ media-service/
COPY source-service/ source-service/
COPY streaming-service/ streaming-service/
COPY embedded-servers/ embedded-servers/
COPY system-tests/ system-tests/
COPY web-ui/pom.xml web-ui/pom.xml
# The web app's files come from the Node stage: Maven packages them without running npm (webui.skip).
COPY --from=web /web-ui/dist/ web-ui/dist/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Dwebui.skip=true package -pl "${SERVICE}" -am
# Dependencies, loader and our own classes in separate layers: a code change rebuilds only the last.
RUN java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --launcher --destination /layers

# --- runtime: a JRE, curl for the healthcheck, and a user that is not root -------------------------
FROM eclipse-temurin:25-jre AS runtime
ARG RUNTIME_PACKAGES="curl"
RUN apt-get update \
    && apt-get install -y --no-install-recommends ${RUNTIME_PACKAGES} \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system hypertube \
    && useradd --system --gid hypertube --home-dir /app --shell /usr/sbin/nologin hypertube \
    && mkdir -p /var/lib/hypertube/downloads /var/lib/hypertube/outbox \
    && chown -R hypertube:hypertube /var/lib/hypertube
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER hypertube
# The heap follows the container's memory limit instead of the host's memory; compact object headers and
# sun.misc.Unsafe's memory access for Netty as the launcher has them (8 bytes less per object; the gateway's buffers
# written without a bounds check per byte).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseCompactObjectHeaders --sun-misc-unsafe-memory-access=allow"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
