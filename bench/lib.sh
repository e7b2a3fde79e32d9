# Shared by the bench scripts: pick a JDK 21+ the way ./kinora does.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | sort -rV | while read -r jdk; do
    "${jdk}bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { echo "${jdk%/}"; break; }; done)
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
