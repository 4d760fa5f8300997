#!/usr/bin/env bash
# Native package of the desktop app with jpackage (JDK 17+): an app image with its own Java
# runtime under target/installer/Stagecraft (run bin/Stagecraft [FILE]); with "deb" also a Debian
# package built from that image (needs dpkg-deb and fakeroot). The image starts with the same
# class-data-sharing archive as the README's run command, dumped with the image's own runtime.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TYPE="${1:-app-image}"
cd "$REPO"
[[ -f target/stagecraft.jar ]] || mvn -B -q -DskipTests package
VERSION="$(unzip -p target/stagecraft.jar META-INF/maven/dev.stagecraft/stagecraft/pom.properties 2>/dev/null \
  | sed -n 's/^version=//p' | sed 's/-.*//')"
VERSION="${VERSION:-0.1.0}"
rm -rf target/installer target/installer-input target/installer-runtime
mkdir -p target/installer-input
cp target/stagecraft.jar target/installer-input/
# Our own runtime rather than jpackage's default, because jpackage strips bin/java, which the
# archive dump below needs. The modules: what `jdeps --print-module-deps` finds, plus what is
# reached by reflection or service lookup (logging, XML, preferences, TLS for remote engines).
jlink --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.xml,jdk.crypto.ec,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop \
  --strip-debug --no-header-files --no-man-pages --output target/installer-runtime
jpackage --type app-image --runtime-image target/installer-runtime --name Stagecraft --app-version "$VERSION" \
  --input target/installer-input --main-jar stagecraft.jar --main-class dev.stagecraft.Launcher \
  --java-options '-XX:SharedArchiveFile=$APPDIR/stagecraft.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC' \
  --dest target/installer
IMAGE=target/installer/Stagecraft
"$IMAGE/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:SharedClassListFile=installer/cds/classes.lst \
  -XX:SharedArchiveFile="$IMAGE/lib/app/stagecraft.jsa" -cp "$IMAGE/lib/app/stagecraft.jar" >/dev/null
echo "app image: $IMAGE (run $IMAGE/bin/Stagecraft [FILE])"
if [[ "$TYPE" == deb ]]; then
  jpackage --type deb --name stagecraft --app-version "$VERSION" --app-image "$IMAGE" --dest target/installer \
    --description "Makes Docker multi-stage builds visible" --linux-shortcut --linux-menu-group Development
  echo "Debian package: $(ls target/installer/*.deb)"
fi
