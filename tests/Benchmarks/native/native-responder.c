/* The native baseline for the `sim run` server in bench-request-path.sh: a minimal seccomp user-notification responder.
 * It runs COMMAND with ioctl(SG_IO) trapped (SECCOMP_RET_USER_NOTIF, as sim run's launcher does) and answers each one
 * the way the server must at the least: read the caller's sg_io_v4 and its request and dout (process_vm_readv), check
 * the notification is still valid, write a GPN_ID accept into din, an fc_bsg_reply into the response buffer and the
 * header's output fields back (process_vm_writev), and send the result. No simulation: the difference is the server.
 *   native-responder COMMAND [ARGS...]        e.g. native-responder ./native-client /tmp/fake-node 0x010500 20000
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/bsg.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <scsi/sg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP 1
#endif

static int install_filter(void)
{
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SG_IO, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = { .len = sizeof code / sizeof code[0], .filter = code };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

static int send_fd(int socket, int fd)
{
    char byte = 'L', control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { &byte, 1 };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    return sendmsg(socket, &msg, 0) == 1 ? 0 : -1;
}

static int receive_fd(int socket)
{
    char byte, control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { &byte, 1 };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control };
    if (recvmsg(socket, &msg, 0) != 1) return -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof(int));
    return fd;
}

static int peek(pid_t pid, uint64_t address, void *local, size_t length)
{
    struct iovec l = { local, length }, r = { (void *)(uintptr_t)address, length };
    return process_vm_readv(pid, &l, 1, &r, 1, 0) == (ssize_t)length ? 0 : -1;
}

static int poke(pid_t pid, uint64_t address, const void *local, size_t length)
{
    struct iovec l = { (void *)local, length }, r = { (void *)(uintptr_t)address, length };
    return process_vm_writev(pid, &l, 1, &r, 1, 0) == (ssize_t)length ? 0 : -1;
}

/* One answer: 0 or -errno. */
static int answer(int listener, const struct seccomp_notif *n)
{
    pid_t pid = (pid_t)n->pid;
    struct sg_io_v4 h;
    uint8_t request[256], dout[4096];
    if (peek(pid, n->data.args[2], &h, sizeof h) != 0) return -EFAULT;
    if (h.guard != 'Q' || h.request_len > sizeof request || h.dout_xfer_len > sizeof dout || h.din_xfer_len < 24) return -EINVAL;
    if (peek(pid, h.request, request, h.request_len) != 0) return -EFAULT;
    if (peek(pid, h.dout_xferp, dout, h.dout_xfer_len) != 0) return -EFAULT;
    uint64_t id = n->id;
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) != 0) return -ESRCH; /* caller gone: its pid may be reused */
    /* GPN_ID accept: the request's CT preamble, response code FS_ACC (0x8002), a WWPN. */
    uint8_t din[24] = { 0x01, 0x00, 0x00, 0x00, 0xfc, 0x02, 0x00, 0x00, 0x80, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                        0x50, 0x06, 0x0e, 0x80, 0x07, 0xe0, 0xa1, 0x00 };
    uint8_t reply[16] = { 0 }; /* fc_bsg_reply: result 0, reply_payload_rcv_len 24, ctels status OK */
    reply[4] = 24;
    if (poke(pid, h.din_xferp, din, sizeof din) != 0) return -EFAULT;
    size_t reply_len = h.max_response_len < sizeof reply ? h.max_response_len : sizeof reply;
    if (poke(pid, h.response, reply, reply_len) != 0) return -EFAULT;
    h.response_len = (uint32_t)reply_len;
    h.din_resid = (int32_t)h.din_xfer_len - 24;
    h.driver_status = h.transport_status = h.device_status = 0;
    return poke(pid, n->data.args[2], &h, sizeof h) == 0 ? 0 : -EFAULT;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: native-responder COMMAND [ARGS...]\n"); return 2; }
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) { perror("socketpair"); return 1; }
    pid_t child = fork();
    if (child == 0) {
        close(pair[0]);
        int listener = install_filter();
        if (listener < 0 || send_fd(pair[1], listener) != 0) { perror("seccomp"); _exit(127); }
        close(listener);
        char go;
        if (read(pair[1], &go, 1) != 1) _exit(127);
        close(pair[1]);
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    close(pair[1]);
    int listener = receive_fd(pair[0]);
    if (listener < 0) { fprintf(stderr, "native-responder: no listener from the child\n"); return 1; }
    uint64_t flags = SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP;
    ioctl(listener, SECCOMP_IOCTL_NOTIF_SET_FLAGS, flags); /* as the sim run server does; older kernels lack it */
    if (write(pair[0], "G", 1) != 1) return 1;
    for (;;) {
        struct pollfd p = { .fd = listener, .events = POLLIN };
        if (poll(&p, 1, 1000) < 0) { if (errno == EINTR) continue; break; }
        if (!(p.revents & POLLIN)) { if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) break; continue; }
        struct seccomp_notif n;
        memset(&n, 0, sizeof n);
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &n) != 0) { if (errno == EINTR || errno == ENOENT) continue; break; }
        struct seccomp_notif_resp r = { .id = n.id };
        int rc = answer(listener, &n);
        if (rc == -ESRCH) continue;
        r.error = rc;
        ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &r);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
