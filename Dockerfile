# Builds one deployable process of cal.com.alt: MODULE is command-side, query-side or all-in-one.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE=all-in-one
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package \
 && case "$MODULE" in \
      all-in-one) cp all-in-one/target/calcom-alt.jar /app.jar ;; \
      *) cp "$MODULE/target/$MODULE-exec.jar" /app.jar ;; \
    esac

FROM eclipse-temurin:17-jre
COPY --from=build /app.jar /app/app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-Ddisable-axoniq-console-message=true", "-jar", "/app/app.jar"]
