# Builds one deployable process of cal.com.alt: MODULE is command-side, query-side or all-in-one.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# MODULE comes after the Maven build: the build does not depend on it, so docker compose builds the
# project once for both services (an ARG before a RUN is part of that step's cache key).
RUN ./mvnw -B -q -DskipTests package
ARG MODULE=all-in-one
RUN case "$MODULE" in \
      all-in-one) cp all-in-one/target/calcom-alt.jar /app.jar ;; \
      *) cp "$MODULE/target/$MODULE-exec.jar" /app.jar ;; \
    esac

FROM eclipse-temurin:17-jre
COPY --from=build /app.jar /app/app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-Ddisable-axoniq-console-message=true", "-jar", "/app/app.jar"]
