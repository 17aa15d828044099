#!/usr/bin/env bash
# BsgKit real-kernel lane: boots the current Debian 6.12 kernel (bookworm-backports) in qemu (TCG), brings up
# scsi_debug and two FCoE VN2VN ports on a veth pair, and runs the project's differential suite
# (tests/KernelLane/Runner) inside the guest against the real /dev/bsg nodes and the simulator's libfc personality.
#
# Usage: bash tests/KernelLane/run-lane.sh
#   BSGKIT_LANE_CACHE   download/build cache (default $HOME/.cache/bsgkit-lane); safe to delete
#   BSGKIT_LANE_KSUITE  Debian suite for the kernel (default bookworm-backports)
#   BSGKIT_LANE_TIMEOUT guest wall-clock limit in seconds (default 300)
#   BSGKIT_LANE_NO_BUILD=1  use the Runner already built in tests/KernelLane/Runner/bin/Release
#   BSGKIT_LANE_MODES   vn2vn,fabric (default) or one of them: which topologies the guest runs
# Exit status: 0 only when the guest ran the suite and every case agreed. Anything that prevents the run
# (no qemu, no kernel, guest did not boot, no result line) is a failure, never a silent pass.
set -euo pipefail
LANE=$(dirname "$(realpath "$0")")
REPO=$(realpath "$LANE/../..")
CACHE=${BSGKIT_LANE_CACHE:-${HOME:-/root}/.cache/bsgkit-lane}
KSUITE=${BSGKIT_LANE_KSUITE:-bookworm-backports}
TMO=${BSGKIT_LANE_TIMEOUT:-480}
MODES=${BSGKIT_LANE_MODES:-vn2vn,fabric}
T0=$(date +%s)
ts() { echo "[lane +$(( $(date +%s) - T0 ))s] $*"; }
die() { echo "KERNEL LANE FAILED: $*" >&2; exit 1; }
mkdir -p "$CACHE"/{debs,logs}

# ---------------------------------------------------------------- host tools
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
{ [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; } || need+=(busybox-static)   # must be static
command -v depmod >/dev/null || need+=(kmod)
command -v cpio >/dev/null || need+=(cpio)
command -v xz >/dev/null || need+=(xz-utils)
command -v zstd >/dev/null || need+=(zstd)
[ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || need+=(iproute2)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing host packages (${need[*]}) and not root to install them"
  ts "installing host packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || die "apt-get install ${need[*]} failed"
fi
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 not available"
command -v dotnet >/dev/null || die "dotnet not on PATH"
DOTNET_REAL=$(readlink -f "$(command -v dotnet)")
case "$DOTNET_REAL" in /usr/*) ;; *) die "dotnet ($DOTNET_REAL) must live under /usr: the guest shares the host's /usr";; esac

# ---------------------------------------------------------------- kernel from $KSUITE (private apt config)
ts "kernel from $KSUITE (private apt config under $CACHE/apt; /etc/apt untouched)"
DEBIAN_URI=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$DEBIAN_URI" ] || DEBIAN_URI=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$DEBIAN_URI" ] || die "cannot find the Debian mirror in /etc/apt"
A=$CACHE/apt
mkdir -p "$A"/state/lists/partial "$A"/cache/archives/partial "$A"/etc
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $DEBIAN_URI $KSUITE main" > "$A/etc/sources.list"
cat > "$A/apt.conf" <<APT
Dir::State "$A/state";
Dir::State::status "/var/lib/dpkg/status";
Dir::Cache "$A/cache";
Dir::Etc::SourceList "$A/etc/sources.list";
Dir::Etc::SourceParts "/nonexistent";
APT::Sandbox::User "root";
APT
export APT_CONFIG=$A/apt.conf
if ! apt-get update -qq 2>"$CACHE/logs/apt-update.err"; then
  cat "$CACHE/logs/apt-update.err" >&2
  # Offline re-run: fall back to a kernel already in the cache.
  ls "$CACHE"/debs/linux-image-6.12*.deb >/dev/null 2>&1 || die "apt-get update for $KSUITE failed and nothing cached"
  ts "WARNING: apt-get update failed; using the cached kernel"
  KPKG=$(basename "$(ls -t "$CACHE"/debs/linux-image-6.12*.deb | head -1)" | cut -d_ -f1)
else
  KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-6/{print $2; exit}')
  [ -n "$KPKG" ] || die "cannot resolve linux-image-amd64 in $KSUITE"
fi
KVER=${KPKG#linux-image-}
case "$KVER" in 6.12.*) ;; *) die "expected a 6.12 kernel from $KSUITE, got $KVER";; esac
if ! ls "$CACHE"/debs/"${KPKG}"_*.deb >/dev/null 2>&1; then
  ts "downloading $KPKG"
  (cd "$CACHE/debs" && apt-get download -qq "$KPKG") || die "download of $KPKG failed"
fi
unset APT_CONFIG
KDEB=$(ls -t "$CACHE"/debs/"${KPKG}"_*.deb | head -1)
KT=$CACHE/kernel-$KVER
if [ ! -f "$KT/.extracted" ]; then
  ts "extracting $(basename "$KDEB")"
  rm -rf "$KT" && mkdir -p "$KT" && dpkg -x "$KDEB" "$KT"
  MR=$KT; [ -d "$KT/usr/lib/modules/$KVER" ] && MR=$KT/usr
  depmod -b "$MR" "$KVER"
  touch "$KT/.extracted"
fi
MODROOT=$KT; [ -d "$KT/usr/lib/modules/$KVER" ] && MODROOT=$KT/usr
VMLINUZ=$KT/boot/vmlinuz-$KVER
[ -f "$VMLINUZ" ] || die "no $VMLINUZ in $KDEB"

# ---------------------------------------------------------------- initramfs
ts "initramfs for $KVER"
INITRD=$CACHE/initramfs-$KVER.cpio.gz
bash "$LANE/build-initramfs.sh" "$MODROOT" "$KVER" "$LANE/guest.sh" "$INITRD" "$CACHE/rootfs-$KVER" || die "initramfs build failed"

# ---------------------------------------------------------------- the project's suite, built on the host
RUNNER_DIR=$LANE/Runner/bin/Release/net10.0
if [ "${BSGKIT_LANE_NO_BUILD:-0}" != 1 ]; then
  ts "dotnet build -c Release tests/KernelLane/Runner"
  dotnet build "$LANE/Runner/BsgKit.KernelLane.Runner.csproj" -c Release -nologo -v q -clp:ErrorsOnly >"$CACHE/logs/build.log" 2>&1 \
    || { cat "$CACHE/logs/build.log" >&2; die "building the Runner failed"; }
fi
[ -f "$RUNNER_DIR/BsgKit.KernelLane.Runner.dll" ] || die "no Runner at $RUNNER_DIR"

# ---------------------------------------------------------------- boot
LOG=$CACHE/logs/guest-$(date +%Y%m%d-%H%M%S).log
ts "booting qemu (TCG, timeout ${TMO}s); serial log $LOG"
set +e
timeout --foreground -k 5 "$TMO" qemu-system-x86_64 -accel tcg -m 2048 -smp 2 -nographic -no-reboot \
  -kernel "$VMLINUZ" -initrd "$INITRD" \
  -append "console=ttyS0 panic=-1 loglevel=4 bsgkit.modes=$MODES" \
  -serial file:"$LOG" -monitor none -display none -nodefaults \
  -virtfs local,path=/usr,mount_tag=hostusr,security_model=none,readonly=on \
  -virtfs local,path="$RUNNER_DIR",mount_tag=app,security_model=none,readonly=on </dev/null
QRC=$?
set -e
tr -d '\r' < "$LOG" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' > "${LOG%.log}.txt"
LOGT=${LOG%.log}.txt
ts "qemu exited rc=$QRC"
# The guest's own output (everything from INIT-START on), so CI logs show each case.
sed -n '/INIT-START/,$p' "$LOGT" | grep -v '^\[ *[0-9]*\.[0-9]*\] ' || true
grep -q 'INIT-START' "$LOGT" || { tail -40 "$LOGT" >&2; die "the guest did not boot (qemu rc=$QRC)"; }
[ "$QRC" = 124 ] && die "the guest hit the ${TMO}s timeout"
for m in ${MODES//,/ }; do
  grep -q "^LANE-SUITE-RESULT: $m: " "$LOGT" || die "the $m suite did not report a result"
done
# The real kernel's records, as the unit tests read them (tests/KernelLane/real-observations*.txt).
grep '^REAL-OBS ' "$LOGT" | cut -d' ' -f2- > "$CACHE/logs/real-observations.txt" || true
grep '^REAL-OBS-FABRIC ' "$LOGT" | cut -d' ' -f2- > "$CACHE/logs/real-observations-fabric.txt" || true
grep -q '^GUEST-EXIT=0$' "$LOGT" || die "$(grep '^LANE-SUITE-RESULT: ' "$LOGT" | tr '\n' ';'); $(grep -c -E '^(FAIL|CHECK FAIL)' "$LOGT") FAIL line(s)"
ts "kernel lane passed: $(grep '^LANE-SUITE-RESULT: ' "$LOGT" | cut -d' ' -f2- | tr '\n' ';')"
