/* The reference: the smallest libmicrohttpd server, with the daemon options Tabel uses.
 * Its req/s is the limit of the HTTP stack on the machine the benchmark runs on. */
#include <microhttpd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *data, size_t *size, void **state) {
    static int first;
    (void)cls; (void)url; (void)method; (void)version; (void)data;
    if (*state == NULL) { *state = &first; return MHD_YES; } /* answer on the second call */
    static const char body[] = "{\"status\":\"ok\"}";
    struct MHD_Response *r = MHD_create_response_from_buffer(sizeof body - 1, (void *)body, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Content-Type", "application/json");
    enum MHD_Result ret = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    *size = 0;
    return ret;
}

int main(int argc, char **argv) {
    unsigned short port = argc > 1 ? (unsigned short)atoi(argv[1]) : 8099;
    unsigned int threads = (unsigned int)sysconf(_SC_NPROCESSORS_ONLN);
    struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, port, NULL, NULL,
                                            handler, NULL, MHD_OPTION_THREAD_POOL_SIZE, threads,
                                            MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
    if (d == NULL) return 1;
    sigset_t set;
    int sig;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    return 0;
}
