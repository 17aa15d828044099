#!/bin/sh
# Guest side of the kernel lane: scsi_debug, two FCoE VN2VN ports on a veth pair, then the project's
# differential suite (dotnet, from the host's /usr and the Runner output shared over virtio-9p, in a chroot).
T() { echo "[t=$(cut -d' ' -f1 /proc/uptime)] $*"; }
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS+1)); }
IP=/opt/bin/ip
T "kernel $(uname -r)"

# scsi_debug: one LUN with its own /dev/bsg/H:0:0:0
modprobe scsi_debug dev_size_mb=8 && modprobe sg
SD=$(for d in /sys/bus/pseudo/drivers/scsi_debug/adapter*/host*; do basename $d; done | head -1); SD=${SD#host}
i=0; while [ ! -e /dev/bsg/$SD:0:0:0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
[ -c /dev/bsg/$SD:0:0:0 ] || fail "scsi_debug bsg node /dev/bsg/$SD:0:0:0"

# FCoE VN2VN: ports A (fca) and B (fcb) on a veth pair
modprobe fcoe
$IP link add fca type veth peer name fcb && $IP link set fca mtu 9000 && $IP link set fcb mtu 9000
$IP link set fca up; $IP link set fcb up
echo fca > /sys/bus/fcoe/ctlr_create; echo fcb > /sys/bus/fcoe/ctlr_create
for c in /sys/bus/fcoe/devices/ctlr_*; do echo VN2VN > $c/mode; echo 1 > $c/enabled; done
hostof() { for h in /sys/class/fc_host/host*; do grep -q "over $1\$" $h/symbolic_name && basename $h; done; }
HA=$(hostof fca); HB=$(hostof fcb)
i=0; while [ $i -lt 150 ]; do
  [ "$(ls /sys/class/fc_remote_ports | wc -l)" -ge 2 ] && [ "$(cat /sys/class/fc_host/*/port_state | grep -c Online)" -ge 2 ] \
    && [ -c /dev/bsg/fc_$HA ] && [ -c /dev/bsg/fc_$HB ] && ls /dev/bsg/rport-${HA#host}:* >/dev/null 2>&1 && break
  sleep 0.2; i=$((i+1))
done
RA=$(for r in /sys/class/fc_remote_ports/rport-${HA#host}:*; do basename $r; done | head -1)
RB=$(for r in /sys/class/fc_remote_ports/rport-${HB#host}:*; do basename $r; done | head -1)
T "FC: $HA=$(cat /sys/class/fc_host/$HA/port_id) $HB=$(cat /sys/class/fc_host/$HB/port_id) rports $RA $RB; bsg: $(ls /dev/bsg | tr '\n' ' ')"
[ -c /dev/bsg/fc_$HA ] && [ -c /dev/bsg/fc_$HB ] && [ -c /dev/bsg/$RA ] || fail "FC bsg nodes"

# The suite: host /usr + the Runner over 9p, chroot
modprobe 9pnet_virtio; modprobe 9p
NR=/newroot; mkdir -p $NR; mount -t tmpfs tmpfs $NR
mkdir -p $NR/usr $NR/app $NR/proc $NR/sys $NR/dev $NR/tmp $NR/etc
for l in bin lib lib64 sbin; do ln -s usr/$l $NR/$l; done
O=trans=virtio,version=9p2000.L,cache=loose,msize=512000
mount -t 9p -o $O,ro hostusr $NR/usr || fail "9p mount hostusr"
mount -t 9p -o $O,ro app $NR/app || fail "9p mount app"
mount -o bind /proc $NR/proc; mount -o bind /sys $NR/sys; mount -o bind /dev $NR/dev
T "running the differential suite"
chroot $NR /usr/bin/env HOME=/tmp TMPDIR=/tmp DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  DOTNET_gcServer=0 DOTNET_TieredPGO=0 PATH=/usr/bin:/usr/sbin \
  BSGKIT_KERNEL_LANE=1 BSGKIT_LANE_HOST_A=$HA BSGKIT_LANE_HOST_B=$HB BSGKIT_LANE_RPORT_A=$RA BSGKIT_LANE_RPORT_B=$RB \
  BSGKIT_LANE_SCSI=$SD:0:0:0 \
  /usr/bin/dotnet /app/BsgKit.KernelLane.Runner.dll
rc=$?
[ $rc -eq 0 ] || fail "differential suite rc=$rc"
T "RESULT: $FAILS failure(s)"
echo "GUEST-EXIT=$FAILS"
