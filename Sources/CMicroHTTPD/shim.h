#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <pthread.h>
#include <microhttpd.h>

/// What the Swift side passes to start a daemon: `MHD_start_daemon` is variadic and does
/// not import, so the options travel as one struct and become an `MHD_OPTION_ARRAY` here.
struct tabel_mhd_config {
    unsigned int flags;
    const char *host;          /* IPv4 or IPv6 literal; ignored when listen_fd >= 0 */
    uint16_t port;
    int listen_fd;             /* a socket passed by systemd, or -1 */
    unsigned int thread_pool_size;
    unsigned int connection_timeout;
    unsigned int connection_limit;
    unsigned int per_ip_connection_limit;
    size_t connection_memory_limit;
    MHD_AccessHandlerCallback handler;
    MHD_RequestCompletedCallback completed;
    void *(*uri_log)(void *cls, const char *uri, struct MHD_Connection *connection);
    void *cls;
    const char *tls_key_pem;   /* PEM key and certificate for an HTTPS daemon, or NULL */
    const char *tls_cert_pem;
};

/// Starts the daemon; returns NULL on failure (errno tells why) or when `host` is not a literal address.
static inline struct MHD_Daemon *tabel_mhd_start(const struct tabel_mhd_config *c) {
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    unsigned int flags = c->flags;
    struct MHD_OptionItem ops[16];
    int n = 0;
    if (c->listen_fd >= 0) {
        ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_LISTEN_SOCKET, c->listen_fd, NULL };
    } else {
        memset(&v4, 0, sizeof v4);
        memset(&v6, 0, sizeof v6);
        if (inet_pton(AF_INET, c->host, &v4.sin_addr) == 1) {
            v4.sin_family = AF_INET;
            v4.sin_port = htons(c->port);
            ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_SOCK_ADDR, 0, &v4 };
        } else if (inet_pton(AF_INET6, c->host, &v6.sin6_addr) == 1) {
            v6.sin6_family = AF_INET6;
            v6.sin6_port = htons(c->port);
            flags |= MHD_USE_IPv6;
            ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_SOCK_ADDR, 0, &v6 };
        } else {
            return NULL;
        }
    }
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_THREAD_POOL_SIZE, c->thread_pool_size, NULL };
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_TIMEOUT, c->connection_timeout, NULL };
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_LIMIT, c->connection_limit, NULL };
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_PER_IP_CONNECTION_LIMIT, c->per_ip_connection_limit, NULL };
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)c->connection_memory_limit, NULL };
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)c->completed, c->cls };
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)c->uri_log, c->cls };
    if (c->tls_key_pem != NULL && c->tls_cert_pem != NULL) {
        flags |= MHD_USE_TLS;
        ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)c->tls_key_pem };
        ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)c->tls_cert_pem };
        /* GnuTLS's defaults without TLS 1.0 and 1.1. */
        ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_PRIORITIES, 0, (void *)"NORMAL:-VERS-TLS1.0:-VERS-TLS1.1" };
    }
    ops[n++] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };
    return MHD_start_daemon(flags, c->listen_fd >= 0 ? 0 : c->port, NULL, NULL,
                            c->handler, c->cls, MHD_OPTION_ARRAY, ops, MHD_OPTION_END);
}

/// The peer's address as text ("127.0.0.1", "::1"), or "" when unknown.
static inline void tabel_mhd_client_address(struct MHD_Connection *connection, char *out, size_t size) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    out[0] = 0;
    if (info == NULL || info->client_addr == NULL) return;
    const struct sockaddr *sa = info->client_addr;
    if (sa->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)size);
    } else if (sa->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)size);
    }
}

/// The port the daemon listens on (useful when started on port 0).
static inline uint16_t tabel_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

/// True for a connection of an HTTPS daemon: it has a GnuTLS session. (Comparing daemons does
/// not work: with a thread pool a connection belongs to one of the pool's worker daemons.)
static inline int tabel_mhd_connection_is_tls(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_GNUTLS_SESSION);
    return info != NULL && info->tls_session != NULL;
}

/// The local port of a listening socket (a socket passed by systemd), or 0.
static inline uint16_t tabel_socket_port(int fd) {
    struct sockaddr_storage sa;
    socklen_t length = sizeof sa;
    if (getsockname(fd, (struct sockaddr *)&sa, &length) != 0) return 0;
    if (sa.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&sa)->sin_port);
    if (sa.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&sa)->sin6_port);
    return 0;
}

/// Blocks SIGTERM, SIGINT and SIGPIPE in the calling thread (and threads it starts later).
static inline int tabel_block_stop_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGPIPE);
    return pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/// Waits for SIGTERM or SIGINT; returns the signal number.
static inline int tabel_wait_stop_signal(void) {
    sigset_t set;
    int sig = 0;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigwait(&set, &sig);
    return sig;
}
