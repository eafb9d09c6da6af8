#!/usr/bin/env bash
# Builds the stand-in images of README.md here and tags them with the stock names that
# docker-compose.yml and the Dockerfile use. Needs root, debootstrap and a Debian mirror
# (MIRROR, default http://deb.debian.org/debian). Only for a machine that reaches no image registry.
set -euo pipefail
cd "$(dirname "$0")"
mirror=${MIRROR:-http://deb.debian.org/debian}
work=${WORK:-/tmp/calalt-standin-rootfs}

for suite in bookworm trixie; do
  if ! docker image inspect "calalt-standin/debian:$suite" >/dev/null 2>&1; then
    [ -f "$work/$suite/etc/os-release" ] \
      || debootstrap --variant=minbase "$suite" "$work/$suite" "$mirror"
    tar -C "$work/$suite" -c . | docker import - "calalt-standin/debian:$suite"
  fi
done

# The JDK image runs ./mvnw, which fetches from Maven Central: give it the extra CA certificates this
# machine trusts (a TLS-intercepting egress proxy's), in a build context outside the checkout.
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
cp temurin-jdk/Dockerfile "$context/"
mkdir "$context/extra-ca"
cp /usr/local/share/ca-certificates/*.crt "$context/extra-ca/" 2>/dev/null || true
docker build -t eclipse-temurin:17-jdk "$context"
docker build -t eclipse-temurin:17-jre temurin-jre
docker build -t postgres:17 postgres
docker build -t nginx:1.28-alpine nginx
