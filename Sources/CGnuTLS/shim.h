#include <stdint.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/crypto.h>

/// Frees what GnuTLS allocated (`gnutls_free` is a variable Swift cannot call safely).
static inline void tabel_tls_free(void *p) { gnutls_free(p); }

/// Makes an ECDSA P-256 key and a self-signed server certificate valid `days` days for the DNS
/// names and IP addresses given (subjectAltName; the first DNS name is also the common name).
/// The PEM texts land in `key_pem` (PKCS#8) and `cert_pem`; free them with `tabel_tls_free`.
/// Returns 0 or a GnuTLS error code (negative).
static inline int tabel_tls_self_signed(const char *const *dns, int dns_count,
                                        const char *const *ips, int ip_count, unsigned days,
                                        gnutls_datum_t *key_pem, gnutls_datum_t *cert_pem) {
    gnutls_x509_privkey_t key = NULL;
    gnutls_x509_crt_t crt = NULL;
    unsigned char serial[16];
    unsigned char id[64];
    size_t id_size = sizeof id;
    int rc;
    time_t now = time(NULL);
    key_pem->data = NULL;
    cert_pem->data = NULL;
    if ((rc = gnutls_x509_privkey_init(&key)) < 0) return rc;
    if ((rc = gnutls_x509_privkey_generate2(key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0, NULL, 0)) < 0) goto done;
    if ((rc = gnutls_x509_crt_init(&crt)) < 0) goto done;
    if ((rc = gnutls_x509_crt_set_version(crt, 3)) < 0) goto done;
    if ((rc = gnutls_rnd(GNUTLS_RND_NONCE, serial, sizeof serial)) < 0) goto done;
    serial[0] &= 0x7f;
    if ((rc = gnutls_x509_crt_set_serial(crt, serial, sizeof serial)) < 0) goto done;
    /* An hour back: a box whose clock is a little behind still accepts it. */
    if ((rc = gnutls_x509_crt_set_activation_time(crt, now - 3600)) < 0) goto done;
    if ((rc = gnutls_x509_crt_set_expiration_time(crt, now + (time_t)days * 86400)) < 0) goto done;
    if (dns_count > 0) {
        if ((rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, dns[0], (unsigned)strlen(dns[0]))) < 0) goto done;
    }
    for (int i = 0; i < dns_count; i++) {
        if ((rc = gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_DNSNAME, dns[i], (unsigned)strlen(dns[i]), GNUTLS_FSAN_APPEND)) < 0) goto done;
    }
    for (int i = 0; i < ip_count; i++) {
        unsigned char raw[16];
        unsigned size;
        if (inet_pton(AF_INET, ips[i], raw) == 1) size = 4;
        else if (inet_pton(AF_INET6, ips[i], raw) == 1) size = 16;
        else { rc = GNUTLS_E_INVALID_REQUEST; goto done; }
        if ((rc = gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, raw, size, GNUTLS_FSAN_APPEND)) < 0) goto done;
    }
    if ((rc = gnutls_x509_crt_set_key(crt, key)) < 0) goto done;
    if ((rc = gnutls_x509_crt_set_basic_constraints(crt, 0, -1)) < 0) goto done;
    if ((rc = gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0) goto done;
    if ((rc = gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 0)) < 0) goto done;
    if ((rc = gnutls_x509_crt_get_key_id(crt, 0, id, &id_size)) < 0) goto done;
    if ((rc = gnutls_x509_crt_set_subject_key_id(crt, id, id_size)) < 0) goto done;
    if ((rc = gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0)) < 0) goto done;
    if ((rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, cert_pem)) < 0) goto done;
    rc = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, key_pem);
done:
    if (crt) gnutls_x509_crt_deinit(crt);
    if (key) gnutls_x509_privkey_deinit(key);
    if (rc < 0) {
        gnutls_free(key_pem->data); key_pem->data = NULL;
        gnutls_free(cert_pem->data); cert_pem->data = NULL;
    }
    return rc < 0 ? rc : 0;
}

/// Checks that a PEM certificate (chain) and a PEM key load together, as libmicrohttpd will
/// load them; gives the first certificate's expiry and its SHA-256 fingerprint (32 bytes).
/// Returns 0 or a GnuTLS error code (GNUTLS_E_CERTIFICATE_KEY_MISMATCH when they do not match).
static inline int tabel_tls_check_pair(const char *cert, size_t cert_size, const char *key, size_t key_size,
                                       int64_t *expires, unsigned char *fingerprint) {
    gnutls_certificate_credentials_t credentials = NULL;
    gnutls_x509_crt_t crt = NULL;
    gnutls_datum_t c = { (unsigned char *)cert, (unsigned)cert_size };
    gnutls_datum_t k = { (unsigned char *)key, (unsigned)key_size };
    size_t size = 32;
    int rc;
    if ((rc = gnutls_certificate_allocate_credentials(&credentials)) < 0) return rc;
    if ((rc = gnutls_certificate_set_x509_key_mem2(credentials, &c, &k, GNUTLS_X509_FMT_PEM, NULL, 0)) < 0) goto done;
    if ((rc = gnutls_x509_crt_init(&crt)) < 0) goto done;
    if ((rc = gnutls_x509_crt_import(crt, &c, GNUTLS_X509_FMT_PEM)) < 0) goto done;
    *expires = (int64_t)gnutls_x509_crt_get_expiration_time(crt);
    rc = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA256, fingerprint, &size);
done:
    if (crt) gnutls_x509_crt_deinit(crt);
    gnutls_certificate_free_credentials(credentials);
    return rc < 0 ? rc : 0;
}
