#!/bin/sh
# Guest side of the kernel lane. Modes (kernel command line bsgkit.modes=, default "vn2vn,fabric"):
#  vn2vn  - scsi_debug and two FCoE VN2VN ports on a veth pair, then the differential suite;
#  fabric - `bsgkit sim fcf` on fcfa/fcfb and fcoe in Fabric mode on their veth peers fxa/fxb (two lports logged in to
#           the simulated fabric through the FCF), then the fabric cases and the independent checks.
# dotnet comes from the host's /usr and the Runner output (with bsgkit.dll) over virtio-9p, in a chroot.
T() { echo "[t=$(cut -d' ' -f1 /proc/uptime)] $*"; }
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS+1)); }
IP=/opt/bin/ip
MODES=$(sed -n 's/.*bsgkit\.modes=\([a-z0-9,]*\).*/\1/p' /proc/cmdline); [ -n "$MODES" ] || MODES=vn2vn,fabric
T "kernel $(uname -r), modes $MODES"

# ---- the chroot: host /usr + the Runner over 9p
modprobe 9pnet_virtio; modprobe 9p
NR=/newroot; mkdir -p $NR; mount -t tmpfs tmpfs $NR
mkdir -p $NR/usr $NR/app $NR/proc $NR/sys $NR/dev $NR/tmp $NR/etc
for l in bin lib lib64 sbin; do ln -s usr/$l $NR/$l; done
O=trans=virtio,version=9p2000.L,cache=loose,msize=512000
mount -t 9p -o $O,ro hostusr $NR/usr || fail "9p mount hostusr"
mount -t 9p -o $O,ro app $NR/app || fail "9p mount app"
mount -o bind /proc $NR/proc; mount -o bind /sys $NR/sys; mount -o bind /dev $NR/dev
ENVS="HOME=/tmp TMPDIR=/tmp DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_gcServer=0 DOTNET_TieredPGO=0 PATH=/usr/bin:/usr/sbin"
in_chroot() { chroot $NR /usr/bin/env $ENVS "$@"; }

modprobe scsi_debug dev_size_mb=8 && modprobe sg
modprobe fcoe
hostof() { for h in /sys/class/fc_host/host*; do grep -q "over $1\$" $h/symbolic_name 2>/dev/null && basename $h; done; }
ctlrof() { for c in /sys/bus/fcoe/devices/ctlr_*; do case "$(readlink -f $c)" in */net/$1/*) echo $c;; esac; done; }

vn2vn_mode() {
  # scsi_debug: one LUN with its own /dev/bsg/H:0:0:0
  SD=$(for d in /sys/bus/pseudo/drivers/scsi_debug/adapter*/host*; do basename $d; done | head -1); SD=${SD#host}
  i=0; while [ ! -e /dev/bsg/$SD:0:0:0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
  [ -c /dev/bsg/$SD:0:0:0 ] || fail "scsi_debug bsg node /dev/bsg/$SD:0:0:0"

  # FCoE VN2VN: ports A (fca) and B (fcb) on a veth pair
  $IP link add fca type veth peer name fcb && $IP link set fca mtu 9000 && $IP link set fcb mtu 9000
  $IP link set fca up; $IP link set fcb up
  echo fca > /sys/bus/fcoe/ctlr_create; echo fcb > /sys/bus/fcoe/ctlr_create
  for c in $(ctlrof fca) $(ctlrof fcb); do echo VN2VN > $c/mode; echo 1 > $c/enabled; done
  HA=$(hostof fca); HB=$(hostof fcb)
  i=0; while [ $i -lt 150 ]; do
    [ "$(ls -d /sys/class/fc_remote_ports/rport-${HA#host}:* 2>/dev/null | wc -l)" -ge 1 ] && [ "$(cat /sys/class/fc_host/$HA/port_state)" = Online ] \
      && [ "$(cat /sys/class/fc_host/$HB/port_state)" = Online ] && [ -c /dev/bsg/fc_$HA ] && [ -c /dev/bsg/fc_$HB ] \
      && ls /dev/bsg/rport-${HA#host}:* >/dev/null 2>&1 && ls /dev/bsg/rport-${HB#host}:* >/dev/null 2>&1 && break
    sleep 0.2; i=$((i+1))
  done
  RA=$(for r in /sys/class/fc_remote_ports/rport-${HA#host}:*; do basename $r; done | head -1)
  RB=$(for r in /sys/class/fc_remote_ports/rport-${HB#host}:*; do basename $r; done | head -1)
  T "VN2VN: $HA=$(cat /sys/class/fc_host/$HA/port_id) $HB=$(cat /sys/class/fc_host/$HB/port_id) rports $RA $RB"
  [ -c /dev/bsg/fc_$HA ] && [ -c /dev/bsg/fc_$HB ] && [ -c /dev/bsg/$RA ] || fail "VN2VN FC bsg nodes"
  T "running the VN2VN differential suite"
  in_chroot BSGKIT_KERNEL_LANE=1 BSGKIT_LANE_HOST_A=$HA BSGKIT_LANE_HOST_B=$HB BSGKIT_LANE_RPORT_A=$RA BSGKIT_LANE_RPORT_B=$RB \
    BSGKIT_LANE_SCSI=$SD:0:0:0 /usr/bin/dotnet /app/BsgKit.KernelLane.Runner.dll --mode vn2vn
  rc=$?
  [ $rc -eq 0 ] || fail "VN2VN differential suite rc=$rc"
  # The VN2VN ports stay up: destroying an fcoe ctlr after this traffic oopses 6.12 (blk_mq_complete_request_remote
  # from fcoe_if_destroy → fc_fabric_logoff; docs/kernel-lane.md). The fabric mode uses other veths and hosts.
}

fabric_mode() {
  # fxa/fxb: the hosts' ends (fcoe derives WWPN 0x2000<MAC>, WWNN 0x1000<MAC> from these MACs, which the scenario
  # zones); fcfa/fcfb: the FCF's ends.
  $IP link add fxa address 02:00:5e:00:0a:01 type veth peer name fcfa address 02:00:5e:00:fa:01 || fail "veth fxa"
  $IP link add fxb address 02:00:5e:00:0b:01 type veth peer name fcfb address 02:00:5e:00:fb:01 || fail "veth fxb"
  for l in fxa fcfa fxb fcfb; do $IP link set $l mtu 9000; $IP link set $l up; done
  LOG=$NR/tmp/fcf.log
  # Not through in_chroot: $! must be dotnet's own PID (chroot and env exec it) for the SIGSTOP/SIGTERM checks.
  chroot $NR /usr/bin/env $ENVS /usr/bin/dotnet /app/bsgkit.dll -v sim fcf --scenario /app/fabric-scenario.json \
    -i fcfa -i fcfb --fka-period 1000 > $LOG 2>&1 &
  FCF=$!
  i=0; while ! grep -q "SIGTERM stops" $LOG 2>/dev/null && [ $i -lt 600 ] && kill -0 $FCF 2>/dev/null; do sleep 0.2; i=$((i+1)); done
  grep -q "SIGTERM stops" $LOG || { cat $LOG; fail "bsgkit sim fcf did not start"; return; }
  T "FCF up (pid $FCF): $(grep 'SIGTERM stops' $LOG | head -1)"
  echo fxa > /sys/bus/fcoe/ctlr_create; echo fxb > /sys/bus/fcoe/ctlr_create
  for c in $(ctlrof fxa) $(ctlrof fxb); do echo Fabric > $c/mode; echo 1 > $c/enabled; done
  HA=$(hostof fxa); HB=$(hostof fxb)
  # Online, and discovery done: A sees B, T1, T2, T3 and the initiator; B sees A, T1, T2 and the initiator (zoning).
  i=0; while [ $i -lt 300 ]; do
    [ "$(cat /sys/class/fc_host/$HA/port_state 2>/dev/null)" = Online ] && [ "$(cat /sys/class/fc_host/$HB/port_state 2>/dev/null)" = Online ] \
      && [ "$(grep -l Online /sys/class/fc_remote_ports/rport-${HA#host}:*/port_state 2>/dev/null | wc -l)" -ge 5 ] \
      && [ "$(grep -l Online /sys/class/fc_remote_ports/rport-${HB#host}:*/port_state 2>/dev/null | wc -l)" -ge 4 ] \
      && ls /dev/bsg/${HA#host}:0:*:0 >/dev/null 2>&1 && break
    sleep 0.2; i=$((i+1))
  done
  T "fabric: $HA=$(cat /sys/class/fc_host/$HA/port_id 2>/dev/null) $(cat /sys/class/fc_host/$HA/port_state 2>/dev/null) fabric $(cat /sys/class/fc_host/$HA/fabric_name 2>/dev/null);" \
    "$HB=$(cat /sys/class/fc_host/$HB/port_id 2>/dev/null) $(cat /sys/class/fc_host/$HB/port_state 2>/dev/null)"
  for r in /sys/class/fc_remote_ports/rport-*; do
    echo "  $(basename $r): $(cat $r/port_id) $(cat $r/port_name) $(cat $r/roles) $(cat $r/port_state)"
  done
  echo "  bsg: $(ls /dev/bsg | tr '\n' ' ')"
  if [ "$(cat /sys/class/fc_host/$HA/port_state 2>/dev/null)" = Online ] && [ "$(cat /sys/class/fc_host/$HB/port_state 2>/dev/null)" = Online ]; then
    T "running the fabric differential suite and checks"
    in_chroot BSGKIT_KERNEL_LANE=1 BSGKIT_LANE_HOST_A=$HA BSGKIT_LANE_HOST_B=$HB BSGKIT_LANE_FCF_PID=$FCF BSGKIT_LANE_FCF_LOG=/tmp/fcf.log \
      /usr/bin/dotnet /app/BsgKit.KernelLane.Runner.dll --mode fabric
    rc=$?
    [ $rc -eq 0 ] || fail "fabric differential suite rc=$rc"
  else
    fail "the lports did not log in to the FCF"
    dmesg | grep -iE "fcoe|libfc|host[0-9]" | tail -40
  fi
  kill -TERM $FCF 2>/dev/null; i=0; while kill -0 $FCF 2>/dev/null && [ $i -lt 50 ]; do sleep 0.2; i=$((i+1)); done
  kill -0 $FCF 2>/dev/null && { fail "bsgkit sim fcf did not stop on SIGTERM"; kill -KILL $FCF; }
  grep -q "^bsgkit sim fcf: stopped: " $LOG || fail "bsgkit sim fcf printed no statistics at SIGTERM"
  grep "^bsgkit sim fcf: stopped: " $LOG
  echo "---- FCF log (events; the per-frame lines are in the file)"
  grep -v -E "^bsgkit sim fcf: (rx|tx) " $LOG | tail -80
  echo "---- FCF frame log (last 60 lines)"
  grep -E "^bsgkit sim fcf: (rx|tx) " $LOG | tail -60
}

case ",$MODES," in *,vn2vn,*) vn2vn_mode;; esac
case ",$MODES," in *,fabric,*) fabric_mode;; esac
T "RESULT: $FAILS failure(s)"
echo "GUEST-EXIT=$FAILS"
