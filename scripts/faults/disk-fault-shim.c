/*
 * An LD_PRELOAD shim that makes the disk misbehave for files under one folder, as a failing or filling disk does.
 * It wraps the C library's write and sync calls; everything else (the terminal, sockets, other folders) is left
 * alone. Read on every call, so a process can arm and disarm it by changing its own environment:
 *
 *   KIOSK_FAULT_DIR    the folder whose files fail (a prefix of the file's real path); unset: no faults
 *   KIOSK_FAULT_RATE   the chance, 0 to 1, that one call fails; 0 or unset: no faults
 *   KIOSK_FAULT_MODE   eio    writes fail with EIO
 *                      enospc writes fail with ENOSPC
 *                      short  a write stores half its bytes and says so, and the next write fails with ENOSPC
 *                             (a disk filling up mid-write)
 *                      fsync  fsync and fdatasync fail with EIO (the data may or may not have reached the disk)
 *   KIOSK_FAULT_SEED   seed of the random choice (default 1), so a run can be repeated
 *   KIOSK_FAULT_LOG    a file that gets one line per injected fault (optional)
 *   KIOSK_FAULT_ARM_FILE  when set, faults happen only while this file exists (so a parent can let a process
 *                         start on a sound disk, then arm the faults, without touching its environment)
 *
 * Built by the tests with: cc -shared -fPIC -O2 -o disk-fault-shim.so disk-fault-shim.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void *, size_t, off64_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);
typedef ssize_t (*pwritev_fn)(int, const struct iovec *, int, off_t);
typedef int (*sync_fn)(int);

static __thread int in_shim = 0;
static unsigned int rng_state = 0;
static int next_write_fails = 0;

static int fault_mode_is(const char *mode) {
  const char *value = getenv("KIOSK_FAULT_MODE");
  return value != NULL && strcmp(value, mode) == 0;
}

static void note(const char *what, int fd) {
  const char *file = getenv("KIOSK_FAULT_LOG");
  if (file == NULL) return;
  static write_fn real_write = NULL;
  if (real_write == NULL) real_write = (write_fn)dlsym(RTLD_NEXT, "write");
  int out = open(file, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (out < 0) return;
  char line[128];
  int length = snprintf(line, sizeof line, "%s fd=%d\n", what, fd);
  if (length > 0) real_write(out, line, (size_t)length);
  close(out);
}

/* Whether this call on fd should fail: the fd is a file under the folder, and the dice say so. */
static int should_fail(int fd) {
  if (in_shim) return 0;
  const char *dir = getenv("KIOSK_FAULT_DIR");
  const char *rate_text = getenv("KIOSK_FAULT_RATE");
  if (dir == NULL || rate_text == NULL || dir[0] == '\0') return 0;
  double rate = atof(rate_text);
  if (rate <= 0) return 0;
  const char *arm = getenv("KIOSK_FAULT_ARM_FILE");
  if (arm != NULL && arm[0] != '\0' && access(arm, F_OK) != 0) return 0;
  in_shim = 1;
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t length = readlink(link, target, sizeof target - 1);
  in_shim = 0;
  if (length <= 0) return 0;
  target[length] = '\0';
  if (strncmp(target, dir, strlen(dir)) != 0) return 0;
  if (rng_state == 0) {
    const char *seed = getenv("KIOSK_FAULT_SEED");
    rng_state = seed ? (unsigned int)strtoul(seed, NULL, 10) : 1u;
    if (rng_state == 0) rng_state = 1;
  }
  return ((double)rand_r(&rng_state) / (double)RAND_MAX) < rate;
}

/* For a write of `count` bytes to fd: -1 with errno set to fail it, a smaller count to cut it short, or count. */
static ssize_t planned_write(int fd, size_t count) {
  if (fault_mode_is("fsync")) return (ssize_t)count;
  int under = 0;
  if (next_write_fails) {
    under = !in_shim;
  }
  if (under) {
    /* Only a file under the folder pays for the short write before it. */
    const char *dir = getenv("KIOSK_FAULT_DIR");
    char link[64];
    char target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    in_shim = 1;
    ssize_t length = readlink(link, target, sizeof target - 1);
    in_shim = 0;
    if (dir != NULL && length > 0) {
      target[length] = '\0';
      if (strncmp(target, dir, strlen(dir)) == 0) {
        next_write_fails = 0;
        note("enospc-after-short", fd);
        errno = ENOSPC;
        return -1;
      }
    }
  }
  if (!should_fail(fd)) return (ssize_t)count;
  if (fault_mode_is("eio")) {
    note("eio", fd);
    errno = EIO;
    return -1;
  }
  if (fault_mode_is("enospc")) {
    note("enospc", fd);
    errno = ENOSPC;
    return -1;
  }
  if (fault_mode_is("short") && count > 1) {
    note("short", fd);
    next_write_fails = 1;
    return (ssize_t)(count / 2);
  }
  return (ssize_t)count;
}

#define REAL(name, type) \
  static type real_##name = NULL; \
  if (real_##name == NULL) real_##name = (type)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buffer, size_t count) {
  REAL(write, write_fn);
  ssize_t plan = planned_write(fd, count);
  if (plan < 0) return -1;
  return real_write(fd, buffer, (size_t)plan);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
  REAL(pwrite, pwrite_fn);
  ssize_t plan = planned_write(fd, count);
  if (plan < 0) return -1;
  return real_pwrite(fd, buffer, (size_t)plan, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset) {
  REAL(pwrite64, pwrite64_fn);
  ssize_t plan = planned_write(fd, count);
  if (plan < 0) return -1;
  return real_pwrite64(fd, buffer, (size_t)plan, offset);
}

/* For a vector write: -1 to fail it, or how many of its bytes to write (all of them, or half when cut short). */
static ssize_t vector_plan(int fd, const struct iovec *iov, int iovcnt) {
  size_t total = 0;
  for (int i = 0; i < iovcnt; i += 1) total += iov[i].iov_len;
  return planned_write(fd, total);
}

/* The first `bytes` bytes of a vector, in `out` (at most iovcnt entries); returns how many entries. */
static int cut_vector(const struct iovec *iov, int iovcnt, size_t bytes, struct iovec *out) {
  int used = 0;
  for (int i = 0; i < iovcnt && bytes > 0; i += 1) {
    out[used] = iov[i];
    if (out[used].iov_len > bytes) out[used].iov_len = bytes;
    bytes -= out[used].iov_len;
    used += 1;
  }
  return used;
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
  REAL(writev, writev_fn);
  ssize_t plan = vector_plan(fd, iov, iovcnt);
  if (plan < 0) return -1;
  struct iovec cut[iovcnt > 0 ? iovcnt : 1];
  return real_writev(fd, cut, cut_vector(iov, iovcnt, (size_t)plan, cut));
}

ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset) {
  REAL(pwritev, pwritev_fn);
  ssize_t plan = vector_plan(fd, iov, iovcnt);
  if (plan < 0) return -1;
  struct iovec cut[iovcnt > 0 ? iovcnt : 1];
  return real_pwritev(fd, cut, cut_vector(iov, iovcnt, (size_t)plan, cut), offset);
}

static int sync_fails(int fd) {
  return fault_mode_is("fsync") && should_fail(fd);
}

int fsync(int fd) {
  REAL(fsync, sync_fn);
  if (sync_fails(fd)) {
    note("fsync", fd);
    errno = EIO;
    return -1;
  }
  return real_fsync(fd);
}

int fdatasync(int fd) {
  REAL(fdatasync, sync_fn);
  if (sync_fails(fd)) {
    note("fdatasync", fd);
    errno = EIO;
    return -1;
  }
  return real_fdatasync(fd);
}
