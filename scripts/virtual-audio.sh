#!/usr/bin/env bash
# Start (or stop) a headless virtual sound card for tests and CI.
#
#   scripts/virtual-audio.sh          # start; safe to run again (idempotent)
#   scripts/virtual-audio.sh status   # exit 0 when everything is up
#   scripts/virtual-audio.sh stop     # stop the keep-alive streams and PulseAudio
#
# What it sets up (PulseAudio, user mode, works as root):
#   sink "speaker"  the DEFAULT SINK: where the tool speaks the question.
#   sink "mic"      a second null sink whose monitor "mic.monitor" is the
#                   DEFAULT SOURCE: tests play the answer into it and the tool
#                   records it, so the tool's own speech never leaks into the answer.
# Both sinks use norewinds=1 and get a silent keep-alive stream (pacat from
# /dev/zero); without it capture stalls whenever nothing plays and recordings
# run slow and lose their leading silence.
# sounddevice/PortAudio reaches PulseAudio through ALSA's pulse plugin
# (Debian 12: /usr/share/alsa/alsa.conf.d/pulse.conf from package pulseaudio,
# the plugin itself from libasound2-plugins).
# Needs: apt-get install pulseaudio pulseaudio-utils libasound2-plugins libportaudio2
set -euo pipefail

SPEAKER=speaker
MIC=mic
STATE_DIR="${XDG_RUNTIME_DIR:-/tmp}/mock-interview-virtual-audio-$(id -u)"
SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

log() { echo "virtual-audio: $*" >&2; }

need() {
    command -v "$1" >/dev/null 2>&1 || {
        log "'$1' not found; install it: sudo apt-get install -y pulseaudio pulseaudio-utils libasound2-plugins libportaudio2"
        exit 1
    }
}

server_up() { pactl info >/dev/null 2>&1; }

start_server() {
    if server_up; then
        return 0
    fi
    # As root PulseAudio warns "not intended to be run as root": harmless here.
    pulseaudio -D --exit-idle-time=-1 --system=false --disallow-exit --log-target=stderr 2>/dev/null || true
    for _ in $(seq 1 50); do
        server_up && return 0
        sleep 0.1
    done
    log "PulseAudio did not start; run 'pulseaudio -vv --exit-idle-time=-1' to see why."
    exit 1
}

ensure_sink() {  # name
    if ! pactl list short sinks | awk '{print $2}' | grep -qx "$1"; then
        pactl load-module module-null-sink sink_name="$1" norewinds=1 \
            sink_properties=device.description="$1" >/dev/null
    fi
}

keepalive_up() {  # sink name: asks the server, so a stale pid file cannot fool it
    pactl list sink-inputs 2>/dev/null | grep -q "application.name = \"keepalive-$1\""
}

ensure_keepalive() {  # sink name
    local pidfile="$STATE_DIR/keepalive-$1.pid"
    if keepalive_up "$1"; then
        return 0
    fi
    for _ in $(seq 1 20); do  # a keep-alive that was just started may still be connecting
        [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null || break
        keepalive_up "$1" && return 0
        sleep 0.1
    done
    # setsid + nohup: the stream outlives this script and the calling shell.
    setsid nohup pacat --playback --device="$1" --client-name="keepalive-$1" \
        --stream-name="keepalive-$1" /dev/zero >/dev/null 2>&1 < /dev/null &
    echo $! >"$pidfile"
}

status() {
    server_up || { echo "PulseAudio: not running"; return 1; }
    local ok=0 sinks
    sinks="$(pactl list short sinks | awk '{print $2}')"
    for s in "$SPEAKER" "$MIC"; do
        grep -qx "$s" <<<"$sinks" || { echo "sink $s: missing"; ok=1; }
        keepalive_up "$s" || { echo "keep-alive into $s: not running"; ok=1; }
    done
    pactl info | grep -E '^Default (Sink|Source):'
    return $ok
}

stop() {
    local pidfile
    for pidfile in "$STATE_DIR"/keepalive-*.pid; do
        [[ -f "$pidfile" ]] || continue
        kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    done
    if server_up; then
        pulseaudio --kill 2>/dev/null || true
    fi
    log "stopped."
}

start() {
    need pulseaudio
    need pactl
    need pacat
    mkdir -p "$STATE_DIR"
    start_server
    ensure_sink "$SPEAKER"
    ensure_sink "$MIC"
    pactl set-default-sink "$SPEAKER"
    pactl set-default-source "$MIC.monitor"
    ensure_keepalive "$SPEAKER"
    ensure_keepalive "$MIC"
    log "ready: default sink '$SPEAKER' (question speech), default source '$MIC.monitor' (play answers into sink '$MIC', e.g. paplay --device=$MIC answer.flac)."
    log "stop it with: $SELF stop"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 [start|status|stop]" >&2; exit 2 ;;
esac
