/* The native baseline for bench-request-path.sh: COUNT GPN_ID requests as FC_BSG_HST_CT through ioctl(SG_IO) on a bsg
 * node, each timed with CLOCK_MONOTONIC, the same bytes the managed FcHostClient sends for the libfc profile (fc_bsg
 * request with the CT preamble, a 20-byte CT_IU, 24 bytes of din, a 96-byte reply). Prints the median in ns.
 *   native-client DEVICE PORT_ID COUNT      e.g. native-client /dev/bsg/fc_host1 0x010500 20000
 */
#include <fcntl.h>
#include <linux/bsg.h>
#include <scsi/sg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

enum { REQUEST_LEN = 20, DOUT_LEN = 20, DIN_LEN = 24, REPLY_LEN = 96, WARMUP = 2000 };

static int compare(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 4) { fprintf(stderr, "usage: native-client DEVICE PORT_ID COUNT\n"); return 2; }
    unsigned port = (unsigned)strtoul(argv[2], NULL, 0);
    long count = strtol(argv[3], NULL, 0);
    if (count <= 0 || port > 0xFFFFFF) { fprintf(stderr, "native-client: bad PORT_ID or COUNT\n"); return 2; }
    int fd = open(argv[1], O_RDWR | O_CLOEXEC);
    if (fd < 0) { perror(argv[1]); return 1; }

    /* fc_bsg_request: msgcode FC_BSG_HST_CT (0x80000004), port_id 0xFFFFFC (big-endian bytes), CT preamble words. */
    static const uint8_t request[REQUEST_LEN] = { 0x04, 0x00, 0x00, 0x80, 0x00, 0xff, 0xff, 0xfc, 0x00, 0x00, 0x00, 0x01,
                                                  0x00, 0x00, 0x02, 0xfc, 0x02, 0x00, 0x12, 0x01 };
    /* CT_IU: revision 1, GS_Type 0xFC (directory), subtype 0x02 (name server), GPN_ID (0x0112), max size 2 words; port. */
    uint8_t dout[DOUT_LEN] = { 0x01, 0x00, 0x00, 0x00, 0xfc, 0x02, 0x00, 0x00, 0x01, 0x12, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
                               0x00, (uint8_t)(port >> 16), (uint8_t)(port >> 8), (uint8_t)port };
    uint8_t din[DIN_LEN], reply[REPLY_LEN];
    long *samples = malloc(sizeof(long) * (size_t)count);
    if (!samples) return 1;

    for (long i = -WARMUP; i < count; i++) {
        struct sg_io_v4 h;
        memset(&h, 0, sizeof h);
        memset(din, 0, sizeof din);
        memset(reply, 0, sizeof reply);
        h.guard = 'Q';
        h.protocol = BSG_PROTOCOL_SCSI;
        h.subprotocol = BSG_SUB_PROTOCOL_SCSI_TRANSPORT;
        h.request_len = REQUEST_LEN;
        h.request = (uintptr_t)request;
        h.dout_xfer_len = DOUT_LEN;
        h.dout_xferp = (uintptr_t)dout;
        h.din_xfer_len = DIN_LEN;
        h.din_xferp = (uintptr_t)din;
        h.max_response_len = REPLY_LEN;
        h.response = (uintptr_t)reply;
        h.timeout = 20000;
        long start = now_ns();
        int rc = ioctl(fd, SG_IO, &h);
        long elapsed = now_ns() - start;
        if (rc != 0) { perror("SG_IO"); return 1; }
        if (din[8] != 0x80 || din[9] != 0x02) { fprintf(stderr, "native-client: GPN_ID not accepted (0x%02x%02x)\n", din[8], din[9]); return 1; }
        if (i >= 0) samples[i] = elapsed;
    }
    qsort(samples, (size_t)count, sizeof(long), compare);
    printf("median_ns %ld\n", samples[count / 2]);
    close(fd);
    return 0;
}
