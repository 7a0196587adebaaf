# One image per service, built from the runnable jar that `./mvnw package` leaves in
# <module>/target (docker-compose.yml passes JAR). Runs as a non-root user; the JVM sizes its heap
# from the container's memory limit.
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system crossdesk \
    && useradd --system --gid crossdesk --home-dir /app --no-create-home crossdesk
WORKDIR /app
ARG JAR
COPY ${JAR} /app/app.jar
USER crossdesk
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
