#include <curl/curl.h>

/* curl_easy_setopt is variadic and does not import into Swift: one typed wrapper per kind of value. */
static inline CURLcode tabel_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode tabel_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode tabel_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
typedef size_t (*tabel_curl_read_callback)(char *buffer, size_t size, size_t count, void *userdata);
static inline CURLcode tabel_curl_set_read(CURL *curl, tabel_curl_read_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_READFUNCTION, callback);
}
