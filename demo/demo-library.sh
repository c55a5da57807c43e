# The demo library, sourced by the launcher for `./hypertube up --demo`: four short films made here with ffmpeg
# (no download, no API key, no internet), a torrent of each, one seeder on 127.0.0.1 with a tracker of its own
# (torrent-lib's `seed --tracker-port`), the films registered in the catalog (demo/catalog.json) and their
# torrents offered as local sources. The first three are the three ways a file reaches a browser; the fourth is
# what happens when a source fails:
#   Lighthouse Keeper  MP4, H.264 + AAC                     plays as it is
#   Paper Orchard      MKV, H.264 + AAC, an SRT track       plays as it is in Chromium, remuxed for others
#   Tidal Static       MKV, HEVC + AC-3                     converted to H.264 + AAC while it plays
#   Broken Compass     a damaged 1080p source, ranked first  fails with its reason; the next source (MP4) plays
# Everything lives under $STATE_DIR/demo and is made once; `./hypertube down` stops the seeder. (The demo needs no API
# key and no internet; the first build of the project itself fetches its dependencies.)

DEMO_DIR=$STATE_DIR/demo
DEMO_TRACKER_PORT=${HYPERTUBE_DEMO_TRACKER_PORT:-6969}
DEMO_PEER_PORT=${HYPERTUBE_DEMO_PEER_PORT:-6890}
DEMO_SECONDS=60
TORRENT_JAR=$ROOT/torrent-lib/target/hypertube-torrent.jar

# name|ffmpeg's test picture|the rest of the ffmpeg arguments (filters, codecs), one film a line
demo_films() {
    cat <<'EOF'
Lighthouse.Keeper.2024.480p.WEB.x264.AAC-HYPERTUBE.mp4|testsrc2=size=854x480:rate=24|-c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 96k -movflags +faststart
Paper.Orchard.2023.480p.WEB.x264.AAC-HYPERTUBE.mkv|testsrc=size=854x480:rate=24|-c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 96k -c:s srt -metadata:s:s:0 language=eng
Tidal.Static.2025.480p.WEB.x265.AC3-HYPERTUBE.mkv|testsrc2=size=854x480:rate=24|-vf hue=H=t/4 -c:v libx265 -preset ultrafast -x265-params log-level=error -pix_fmt yuv420p -c:a ac3 -b:a 192k
Broken.Compass.2022.480p.WEB.x264.AAC-HYPERTUBE.mp4|smptehdbars=size=854x480:rate=24|-c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 96k -movflags +faststart
Broken.Compass.2022.1080p.WEB.x264.AAC-DAMAGED.mkv|damaged|
EOF
}

demo_subtitles() { # the English SubRip track of the second film: a cue every 6 s
    local i start end
    for ((i = 0; i < DEMO_SECONDS / 6; i++)); do
        start=$((i * 6)) end=$((i * 6 + 4))
        printf '%d\n00:00:%02d,000 --> 00:00:%02d,000\nDemo subtitle %d of %d: second %d.\n\n' \
            $((i + 1)) "$start" "$end" $((i + 1)) $((DEMO_SECONDS / 6)) "$start"
    done
}

demo_make_film() { # name filter codecs
    local name=$1 filter=$2 codecs=$3 target=$DEMO_DIR/media/$1
    [[ -s $target ]] && return 0
    if [[ $filter == damaged ]]; then
        # Not a film at all, named like a better copy of one: ranked first, it fails on play with its reason.
        # (yes ends on a broken pipe: fed through a process substitution, its status is not the pipeline's.)
        head -c 3000000 < <(yes "This is not a film: Hypertube's demo source that fails on purpose.") >"$target"
        return 0
    fi
    say "Making the demo film ${name%%.20*} with ffmpeg..."
    local -a inputs=(-f lavfi -i "$filter:duration=$DEMO_SECONDS" -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=$DEMO_SECONDS")
    local -a maps=(-map 0:v -map 1:a)
    if [[ $codecs == *"-c:s srt"* ]]; then
        demo_subtitles >"$DEMO_DIR/media/.english.srt"
        inputs+=(-i "$DEMO_DIR/media/.english.srt")
        maps+=(-map 2:s)
    fi
    # A keyframe every 2 s, so a seek lands close to where it was asked; written aside, then moved into place.
    local partial=$DEMO_DIR/media/.partial.${name##*.}
    # shellcheck disable=SC2086 # the codec arguments are a list
    ffmpeg -nostdin -hide_banner -loglevel error -y "${inputs[@]}" "${maps[@]}" -g 48 -keyint_min 48 \
        $codecs -t "$DEMO_SECONDS" "$partial" || die "ffmpeg could not make $name (see above)."
    mv "$partial" "$target"
    rm -f "$DEMO_DIR/media/.english.srt"
}

demo_prepare() {
    command -v ffmpeg >/dev/null || die "the demo library is made with ffmpeg: install it (Debian, Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg)."
    mkdir -p "$DEMO_DIR/media" "$DEMO_DIR/torrents"
    if [[ $BUILD == never ]]; then
        [[ -f $TORRENT_JAR ]] || die "$TORRENT_JAR is missing (HYPERTUBE_BUILD=never): build torrent-lib first."
    elif [[ ! -f $TORRENT_JAR || -n $(find "$ROOT/torrent-lib/src/main" "$ROOT/torrent-lib/pom.xml" -newer "$TORRENT_JAR" -type f -print -quit) ]]; then
        say "Building torrent-lib (the demo's seeder)..."
        (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip=true -DskipAotCache=true -Dmaven.jar.forceCreation=true package -pl torrent-lib) \
            || die "the build failed (see above)."
    fi
    local name filter codecs
    while IFS='|' read -r name filter codecs; do
        demo_make_film "$name" "$filter" "$codecs"
        # Made again each time (it takes a moment): the tracker's port may have changed; the info hash does not.
        "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$TORRENT_JAR" create "$DEMO_DIR/media/$name" \
            --tracker "http://127.0.0.1:$DEMO_TRACKER_PORT/announce" -o "$DEMO_DIR/torrents/${name%.*}.torrent" >/dev/null \
            || die "could not make the torrent of $name."
    done < <(demo_films)
}

demo_seeder_pid() { running_pid demo-seeder "hypertube-torrent.jar seed"; }

demo_start_seeder() {
    if [[ -n $(demo_seeder_pid) ]]; then
        say "The demo seeder is already running."
        return 0
    fi
    reachable 127.0.0.1 "$DEMO_TRACKER_PORT" \
        && die "port $DEMO_TRACKER_PORT, which the demo's tracker needs, is taken: set HYPERTUBE_DEMO_TRACKER_PORT."
    reachable 127.0.0.1 "$DEMO_PEER_PORT" \
        && die "port $DEMO_PEER_PORT, which the demo's seeder needs, is taken: set HYPERTUBE_DEMO_PEER_PORT."
    local log offset
    log=$(log_file demo-seeder)
    # The log is appended to: only what this start writes says whether it is ready.
    offset=$(stat -c %s "$log" 2>/dev/null || echo 0)
    say "Seeding the demo library on 127.0.0.1:$DEMO_PEER_PORT (tracker on port $DEMO_TRACKER_PORT)..."
    nohup setsid "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1 -jar "$TORRENT_JAR" seed \
        "$DEMO_DIR"/torrents/*.torrent --data "$DEMO_DIR/media" --bind 127.0.0.1 --port "$DEMO_PEER_PORT" \
        --tracker-port "$DEMO_TRACKER_PORT" >>"$log" 2>&1 </dev/null &
    echo $! >"$(pid_file demo-seeder)"
    local waited
    for ((waited = 0; waited < 100; waited++)); do
        tail -c +$((offset + 1)) "$log" 2>/dev/null | grep -q "^seeding" && return 0
        [[ -n $(demo_seeder_pid) ]] || break
        sleep 0.2
    done
    tail -c +$((offset + 1)) "$log" | tail -n 5 >&2
    die "the demo seeder did not start (see $log)."
}

demo_stop_seeder() {
    local pid
    pid=$(demo_seeder_pid)
    rm -f "$(pid_file demo-seeder)"
    [[ -n $pid ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    local waited
    for ((waited = 0; waited < 50; waited++)); do
        kill -0 "$pid" 2>/dev/null || { say "Stopped the demo seeder."; return 0; }
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
    say "Stopped the demo seeder (forced)."
}

# The settings that point a service at the demo library (none for the others).
demo_env_of() { # service
    case $1 in
        media-service) echo "CATALOG_FILE=$ROOT/demo/catalog.json" ;;
        source-service) echo "SOURCES_LOCAL_DIR=$DEMO_DIR/torrents" ;;
    esac
}
