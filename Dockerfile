# Builds the app from source with the Maven wrapper; runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 casepath
COPY --from=build /src/target/casepath-*.jar /app/casepath.jar
USER casepath
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/casepath.jar"]
