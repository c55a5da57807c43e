#!/usr/bin/env bash
# Subtitle benchmark of issue 18, each figure beside its anchor measured in the same run: press play → the subtitle
# list and → the first .vtt, for the English track inside a minute of 720p still downloading from a seeder 25 ms
# away (anchors: the probe's decision, the download's end), and for an OpenSubtitles hit with the provider answering
# each call after 200 ms (WireMock).
#
#   bash streaming-service/bench/subtitle-bench.sh [ROUNDS=3]
#
# Needs what playback-bench.sh needs (it runs through it); the first run makes a one-minute 720p clip.
BENCH_CLASS=SubtitleBench exec bash "$(dirname "${BASH_SOURCE[0]}")/playback-bench.sh" "$@"
