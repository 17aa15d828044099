#!/usr/bin/env bash
# Builds the lane's initramfs from an extracted Debian kernel package.
# Usage: build-initramfs.sh <module-root> <kver> <guest-script> <out.cpio.gz> <scratch-rootfs-dir>
set -euo pipefail
KT=$(realpath "$1") KVER=$2 GUEST=$3 OUT=$4 R=$5
rm -rf "$R"
mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,proc,sys,dev,tmp,run,etc,mnt,opt/bin}
cp /bin/busybox "$R/bin/busybox"

copy_dyn() { # a dynamic binary plus its shared libraries
  install -D -m755 "$1" "$R/$2"
  ldd "$1" | awk '/=>/ {print $3} /ld-linux/ {print $1}' | while read -r l; do
    [ -f "$l" ] && install -D -m755 "$l" "$R/$l"
  done
}
IPBIN=/usr/sbin/ip; [ -x "$IPBIN" ] || IPBIN=/sbin/ip
copy_dyn "$IPBIN" /opt/bin/ip   # iproute2: busybox ip cannot create veth pairs

# Kernel modules: dependency closure, decompressed, then depmod.
MODS="scsi_debug sg scsi_transport_fc libfc libfcoe fcoe veth crc32c_generic 9p 9pnet_virtio"
MD=lib/modules/$KVER
mkdir -p "$R/$MD"
for m in $MODS; do
  modprobe -d "$KT" -S "$KVER" --show-depends "$m" 2>/dev/null | awk '$1=="insmod"{print $2}' \
    || { echo "module $m missing from $KVER" >&2; exit 1; }
done | sort -u | while read -r f; do
  rel=${f#$KT/}
  install -D -m644 "$f" "$R/$rel"
  case "$rel" in *.xz) xz -d -f "$R/$rel";; *.zst) zstd -q -d --rm "$R/$rel";; esac
done
cp "$KT/$MD"/modules.{order,builtin,builtin.modinfo} "$R/$MD/" 2>/dev/null || true
depmod -b "$R" "$KVER"

install -m755 "$GUEST" "$R/guest.sh"
cat > "$R/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s
export PATH=/opt/bin:/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
echo "INIT-START uptime=$(cut -d' ' -f1 /proc/uptime)"
sh /guest.sh 2>&1
echo "INIT-END uptime=$(cut -d' ' -f1 /proc/uptime)"
sync
poweroff -f
INIT
chmod +x "$R/init"
(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1 > "$OUT")
echo "initramfs $OUT: $(stat -c %s "$OUT") bytes, $(find "$R/lib/modules" -name '*.ko' | wc -l) modules"
